using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OneStop.Payments.ThaiQr;

namespace OneStop.Payments;

/// <summary>
/// The module's settings (section <c>Payments</c>). The biller ID is the platform's bill-payment account at its bank;
/// the sandbox bank is on in Development and Testing unless switched off, and can never be on in Production.
/// </summary>
internal sealed class PaymentSettings
{
    /// <summary>A synthetic tax ID (valid check digit) and suffix 00: replace with the real biller ID the acquiring bank assigns.</summary>
    public const string DemoBillerId = "099400015999400";

    /// <summary>The Digital Government Development Agency, which runs the platform and its collecting account.</summary>
    public const string DefaultCollectingAgency = "10009000";

    public string BillerId { get; init; } = DemoBillerId;

    /// <summary>Calendar days to pay licence fees once the application is decided.</summary>
    public int LicenceFeeDays { get; init; } = 30;

    /// <summary>The agency whose finance officers reconcile the collecting account's statements.</summary>
    public string CollectingAgency { get; init; } = DefaultCollectingAgency;

    public bool SandboxEnabled { get; init; }

    /// <summary>Gateways and their signing secrets (<c>Payments:Gateways:{name}:Secret</c>); the sandbox adds its own.</summary>
    public IReadOnlyDictionary<string, string> GatewaySecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>How far a notification's signed time may be from ours before it is a replay.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    public static PaymentSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Payments");
        var billerId = section["BillerId"] ?? DemoBillerId;
        if (!ThaiQrCode.BillPayment(billerId, "CHECK", null, null).IsSuccess)
        {
            throw new InvalidOperationException($"Payments:BillerId '{billerId}' is not a biller ID: 13-digit tax ID with a valid check digit and a 2-digit suffix.");
        }

        var sandbox = section.GetValue<bool?>("Sandbox:Enabled") ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        if (sandbox && environment.IsProduction())
        {
            throw new InvalidOperationException("Payments:Sandbox:Enabled must not be true in Production: anyone could pay with a pretend bank.");
        }

        var secrets = section.GetSection("Gateways").GetChildren()
            .Where(g => !string.IsNullOrWhiteSpace(g["Secret"]))
            .ToDictionary(g => g.Key, g => g["Secret"]!, StringComparer.Ordinal);
        return new PaymentSettings
        {
            BillerId = billerId,
            LicenceFeeDays = section.GetValue<int?>("LicenceFeeDays") ?? 30,
            CollectingAgency = section["CollectingAgency"] ?? DefaultCollectingAgency,
            SandboxEnabled = sandbox,
            GatewaySecrets = secrets,
        };
    }
}
