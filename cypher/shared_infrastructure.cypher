// Purpose: the devices, IPs, phones and payment instruments an account used in the window, and every other
// account on each of them, busiest first.
// Parameters: $account (the account's external id).
MATCH (a:Account {external_id: $account})-[:LOGIN|REGISTER]->(i)
WHERE i:Device OR i:Ip OR i:Phone OR i:Payment
MATCH (other:Account)-[:LOGIN|REGISTER]->(i)
WHERE other <> a
RETURN i.kind AS kind, i.external_id AS entity, count(DISTINCT other) AS accounts,
       collect(DISTINCT other.external_id)[..20] AS some_accounts, max(other.score) AS riskiest
ORDER BY accounts DESC;
