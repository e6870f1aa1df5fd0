// Purpose: constraints and indexes for the GraphGuard model (run once, before load.cypher).
// Parameters: none.
CREATE CONSTRAINT account_key IF NOT EXISTS FOR (n:Account) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT content_key IF NOT EXISTS FOR (n:Content) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT device_key IF NOT EXISTS FOR (n:Device) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ip_key IF NOT EXISTS FOR (n:Ip) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (n:Phone) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT payment_key IF NOT EXISTS FOR (n:Payment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT url_key IF NOT EXISTS FOR (n:Url) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT hashtag_key IF NOT EXISTS FOR (n:Hashtag) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:Cluster) REQUIRE n.key IS UNIQUE;
CREATE INDEX account_score IF NOT EXISTS FOR (n:Account) ON (n.score);
CREATE INDEX cluster_id IF NOT EXISTS FOR (n:Cluster) ON (n.cluster_id);
