using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Testing;

/// <summary>
/// The whole OneStop host for tests: SQLite in memory by default; a fresh PostgreSQL database when
/// the environment variable <c>ONESTOP_TEST_POSTGRES</c> holds a connection string. Each factory
/// has its own database, dropped when it is disposed.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "ONESTOP_TEST_POSTGRES";

    private readonly SqliteConnection? keepAlive;
    private readonly string? adminConnectionString;
    private readonly string databaseName = $"onestop_test_{Guid.NewGuid():N}";

    public AppFactory()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            Provider = DatabaseProvider.Sqlite;
            ConnectionString = $"Data Source=file:{databaseName}?mode=memory&cache=shared";
            // A shared in-memory database lives as long as one connection to it is open.
            keepAlive = new SqliteConnection(ConnectionString);
            keepAlive.Open();
        }
        else
        {
            Provider = DatabaseProvider.Postgres;
            // Several test assemblies start hosts against one server on two cores: a connection may wait
            // longer than Npgsql's default 15 seconds while the server is busy, which is not a failure.
            var patient = new NpgsqlConnectionStringBuilder(postgres);
            patient.Timeout = Math.Max(patient.Timeout, 60);
            patient.CommandTimeout = Math.Max(patient.CommandTimeout, 120);
            adminConnectionString = patient.ConnectionString;
            patient.Database = databaseName;
            ConnectionString = patient.ConnectionString;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Extra settings a test class needs, applied over appsettings.json.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services a test class adds or replaces after the app's own.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A client signed in as the citizen with <paramref name="citizenId"/> (claim <c>pid</c>).</summary>
    public HttpClient CreateClientAsCitizen(string citizenId)
    {
        var client = CreateClientWithRoles("Citizen");
        client.DefaultRequestHeaders.Add(TestAuthHandler.PidHeader, citizenId);
        return client;
    }

    /// <summary>A client signed in as the citizen acting for the company <paramref name="juristicId"/> (claims <c>companies</c> and <c>act_for</c>).</summary>
    public HttpClient CreateClientAsCitizen(string citizenId, string juristicId, string companyName = "บริษัท ทดสอบ จำกัด")
    {
        var client = CreateClientAsCitizen(citizenId);
        client.DefaultRequestHeaders.Add(TestAuthHandler.ActForHeader, $"{juristicId}|{Uri.EscapeDataString(companyName)}");
        return client;
    }

    /// <summary>A client signed in as an officer of <paramref name="agencyCode"/> (at <paramref name="officeCode"/>, when given) with these agency roles.</summary>
    public HttpClient CreateClientAsOfficer(string agencyCode, string? officeCode, params string[] agencyRoles)
    {
        var client = CreateClientWithRoles("Officer");
        client.DefaultRequestHeaders.Add(TestAuthHandler.AgencyHeader, agencyCode);
        if (officeCode is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.OfficeHeader, officeCode);
        }

        client.DefaultRequestHeaders.Add(TestAuthHandler.AgencyRolesHeader, string.Join(' ', agencyRoles));
        client.DefaultRequestHeaders.Add(TestAuthHandler.SubjectHeader, $"officer-{agencyCode}-{officeCode}-{string.Join('-', agencyRoles)}");
        return client;
    }

    /// <summary>A client whose requests carry the given roles (see <see cref="TestAuthHandler"/>).</summary>
    public HttpClient CreateClientWithRoles(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', roles));
        return client;
    }

    /// <summary>Delivers what waits in every module's outbox now (tests run with the background dispatcher off).</summary>
    public Task<int> DispatchOutboxAsync() => Services.GetRequiredService<OneStop.SharedKernel.Messaging.OutboxDispatcher>().DispatchPendingAsync();

    /// <summary>Runs <paramref name="work"/> with a service scope of the running app.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// False to keep the platform's real sign-in (the Digital ID, as an OpenID Connect client) instead
    /// of <see cref="TestAuthHandler"/>'s headers.
    /// </summary>
    protected virtual bool UsesTestSignIn => true;

    /// <summary>True to send the app's e-mail to a <see cref="TestMailServer"/> that tests read through <see cref="Mail"/>.</summary>
    protected virtual bool ReadsMail => false;

    private TestMailServer? mail;

    /// <summary>What the app sent by e-mail (only with <see cref="ReadsMail"/>).</summary>
    public TestMailServer Mail
    {
        get
        {
            _ = Services; // starts the app, and with it the mail server
            return mail ?? throw new InvalidOperationException("This factory does not read mail: override ReadsMail.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseConfiguration.ProviderKey, Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseConfiguration.ConnectionStringName}", ConnectionString);
        // Tests dispatch the outbox themselves, so that nothing happens behind their back.
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Citizens", "50");
        builder.UseSetting("DemoData:Companies", "10");
        // Tests post many forms from one address; the limit itself is tested with its own setting.
        builder.UseSetting("Identity:FormPostsPerMinute", "100000");
        // Mail nobody reads stays out of the source tree; tests that read mail use a TestMailServer.
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "onestop-test-mail"));
        if (ReadsMail)
        {
            mail ??= new TestMailServer();
            foreach (var (key, value) in mail.Settings)
            {
                builder.UseSetting(key, value);
            }
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (UsesTestSignIn)
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
                services.PostConfigure<AuthenticationOptions>(o =>
                {
                    o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                    o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
                    o.DefaultForbidScheme = TestAuthHandler.SchemeName;
                });
                services.AddTransient<IClaimsTransformation, TestPersonClaims>();
            }

            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
            ConfigureTestServices(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DropDatabase();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DropDatabase();
        GC.SuppressFinalize(this);
    }

    private void DropDatabase()
    {
        mail?.Dispose();
        keepAlive?.Dispose();
        if (adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// The test server leaves the client address empty; tests act as a client on loopback, or from the
/// address in <c>X-Test-Remote-Address</c> to try the exchange's address checks.
/// </summary>
internal sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }
            else
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Stands in for the Digital ID until it exists: the header <c>X-Test-Roles: Admin</c> signs a request in with those roles.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RolesHeader = "X-Test-Roles";

    /// <summary>With the roles header, signs the request in as the person with this citizen ID.</summary>
    public const string PidHeader = "X-Test-Pid";

    /// <summary>The account subject (default <c>test-user</c>, or <c>citizen-{pid}</c> with a citizen ID); see also <see cref="TestPersonSignIn"/>.</summary>
    public const string SubjectHeader = TestPersonSignIn.SubjectHeader;

    /// <summary><c>{juristic ID}|{company name}</c>: the person acts for that company.</summary>
    public const string ActForHeader = "X-Test-Act-For";

    public const string AgencyHeader = "X-Test-Agency";
    public const string OfficeHeader = "X-Test-Office";

    /// <summary>Space-separated officer roles at the agency.</summary>
    public const string AgencyRolesHeader = "X-Test-Agency-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RolesHeader, out var roles))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var subject = Request.Headers.TryGetValue(SubjectHeader, out var sub) ? sub.ToString()
            : Request.Headers.TryGetValue(PidHeader, out var citizen) ? $"citizen-{citizen}" : "test-user";
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, subject), new(ClaimTypes.Name, "Test User"), new("name", "Test User") };
        if (Request.Headers.ContainsKey(PidHeader) || Request.Headers.ContainsKey(AgencyHeader))
        {
            // Citizens and officers have accounts; a bare X-Test-Sub person gets theirs from TestPersonClaims.
            claims.Add(new Claim(Claims.Subject, subject));
        }

        if (Request.Headers.TryGetValue(PidHeader, out var pid))
        {
            claims.Add(new Claim(Claims.CitizenId, pid.ToString()));
        }

        if (Request.Headers.TryGetValue(ActForHeader, out var actFor) && actFor.ToString().Split('|', 2) is [var juristicId, var companyName])
        {
            claims.Add(new Claim(PlatformClient.CompaniesClaim, System.Text.Json.JsonSerializer.Serialize(
                new Dictionary<string, object> { [juristicId] = new { name = Uri.UnescapeDataString(companyName), role = "director" } })));
            claims.Add(new Claim(PlatformClient.ActForClaim, juristicId));
        }

        foreach (var (header, claim) in new[] { (AgencyHeader, Claims.AgencyCode), (OfficeHeader, Claims.OfficeCode), (AgencyRolesHeader, Claims.AgencyRoles) })
        {
            if (Request.Headers.TryGetValue(header, out var value))
            {
                claims.Add(new Claim(claim, value.ToString()));
            }
        }

        claims.AddRange(roles.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r.Trim())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
