using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Exchange.Data;
using OneStop.Testing;
using static OneStop.Exchange.Tests.Http.ExchangeTestData;

namespace OneStop.Exchange.Tests.Http;

/// <summary>The HTTPS connection types over real TLS: the app on Kestrel with a server certificate, asking clients for theirs.</summary>
public sealed class TlsClientTests : IAsyncLifetime
{
    private static readonly X509Certificate2 ServerCertificate = SelfSigned("CN=localhost");
    private static readonly X509Certificate2 ClientCertificate = SelfSigned("CN=demo-agency-system");
    private static readonly X509Certificate2 OtherCertificate = SelfSigned("CN=someone-else");

    private readonly TlsApp app = new();
    private Uri? baseAddress;

    public ValueTask InitializeAsync()
    {
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        baseAddress = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ClientCertificateSubsystem_WithItsCertificate_IsAnswered()
    {
        var client = await AddSubsystemAsync(ConnectionType.HttpsClientCertificate, Thumbprint(ClientCertificate));

        var response = await CallAsync(client, ClientCertificate);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0105999000016", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateSubsystem_WithAnotherCertificate_Is400()
    {
        var client = await AddSubsystemAsync(ConnectionType.HttpsClientCertificate, Thumbprint(ClientCertificate));
        await XRoadAssert.ErrorAsync(await CallAsync(client, OtherCertificate), HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
    }

    [Fact]
    public async Task ClientCertificateSubsystem_WithoutACertificate_Is400()
    {
        var client = await AddSubsystemAsync(ConnectionType.HttpsClientCertificate, Thumbprint(ClientCertificate));
        await XRoadAssert.ErrorAsync(await CallAsync(client, null), HttpStatusCode.BadRequest, "Server.ClientProxy.SslAuthenticationFailed");
    }

    [Fact]
    public async Task HttpsSubsystem_OverTls_IsAnsweredWithoutACertificate()
    {
        var client = await AddSubsystemAsync(ConnectionType.Https, null);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(client, null)).StatusCode);
    }

    private async Task<string> AddSubsystemAsync(ConnectionType connection, string? thumbprint)
    {
        var id = $"{DemoMember}/{NewCode("tls-")}";
        await app.WithDbAsync(db =>
        {
            db.Subsystems.Add(new Subsystem
            {
                Id = id, MemberId = DemoMember, Code = id.Split('/')[^1], Name = "TLS test", ConnectionType = connection, ClientCertificateThumbprint = thumbprint,
            });
            return db.SaveChangesAsync();
        });
        await app.GrantAsync(id, Traders);
        return id;
    }

    private async Task<HttpResponseMessage> CallAsync(string client, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // The test server's certificate is self-signed; pin it.
                RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && server.GetCertHashString(HashAlgorithmName.SHA256) == ServerCertificate.GetCertHashString(HashAlgorithmName.SHA256),
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/r1/{Traders}/0105999000016");
        request.Headers.Add("X-Road-Client", client);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var builder = new SubjectAlternativeNameBuilder();
        builder.AddDnsName("localhost");
        builder.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(builder.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Exported and loaded again so that the private key is usable by the TLS stack on Linux.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class TlsApp : AppFactory
    {
        public TlsApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(ServerCertificate, https =>
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate)));
    }
}
