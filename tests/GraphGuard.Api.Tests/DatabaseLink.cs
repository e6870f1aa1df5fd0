using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GraphGuard.Api.Tests;

/// <summary>
/// A real TCP relay between the service and the test PostgreSQL that a test can sever and mend: while severed
/// every open connection is closed and new ones are refused, exactly as when the server goes away, without
/// stopping the server the other test fixtures share.
/// </summary>
internal sealed class DatabaseLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _server;
    private readonly List<Socket> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _severed;

    public DatabaseLink(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _server = target.Host!.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(target.Host, $".s.PGSQL.{target.Port}"))
            : new DnsEndPoint(target.Host, target.Port);
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
            Timeout = 3,
        }.ConnectionString;
        _accepting = AcceptAsync();
    }

    /// <summary>The test database reached through the link.</summary>
    public string ConnectionString { get; }

    public void Sever()
    {
        _severed = true;
        lock (_open)
        {
            _open.ForEach(s => s.Dispose());
            _open.Clear();
        }
    }

    public void Mend() => _severed = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (_severed)
            {
                client.Dispose();
                continue;
            }
            var server = new Socket(_server.AddressFamily == AddressFamily.Unix ? AddressFamily.Unix : AddressFamily.InterNetwork, SocketType.Stream,
                _server.AddressFamily == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp);
            await server.ConnectAsync(_server);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 << 10];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        from.Dispose();
        to.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Sever();
        _stop.Dispose();
    }
}
