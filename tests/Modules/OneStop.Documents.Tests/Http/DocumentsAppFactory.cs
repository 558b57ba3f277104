using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Licensing.Contracts;
using OneStop.Payments.Contracts;
using OneStop.SharedKernel.Messaging;
using OneStop.Testing;

namespace OneStop.Documents.Tests.Http;

/// <summary>The app, with ways to deliver licensing's and payments' events to Documents as the outbox would.</summary>
public class DocumentsAppFactory : AppFactory
{
    public const string Citizen = "1999900000013";
    public const string OtherCitizen = "3999904567898";
    public const string Company = "0105999000016";
    public const string Excise = "03006000";
    public const string FoodAgency = "21043000";
    public const string Liquor = "liquor-sale-licence";
    public const string Food = "food-premises-licence";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An application with a liquor licence (Excise) and a food-premises licence (local administration), approved and then paid (or in the other order).</summary>
    public async Task<string> ApproveAndPayAsync(Guid applicationId, bool paidFirst = false, string holder = Citizen, string? company = null, bool pay = true, Guid? renewalOf = null)
    {
        var number = "BIZ-2569-" + applicationId.ToString("N")[..8].ToUpperInvariant();
        var approvals = new IIntegrationEvent[]
        {
            new LicenceApproved(applicationId, number, Liquor, Excise, holder, company, DateTime.UtcNow, company is null ? "นายทดสอบ ใจดี" : "บริษัท ทดสอบ จำกัด",
                "ร้านอาหารทดสอบ", "99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", renewalOf),
            new LicenceApproved(applicationId, number, Food, FoodAgency, holder, company, DateTime.UtcNow, company is null ? "นายทดสอบ ใจดี" : "บริษัท ทดสอบ จำกัด",
                "ร้านอาหารทดสอบ", null, renewalOf),
        };
        var paid = new InvoicePaid(Guid.NewGuid(), "INV2569" + applicationId.ToString("N")[..8].ToUpperInvariant(), applicationId, number, 3_000_00,
            [new PaidItem(Excise, Liquor, 1_000_00), new PaidItem(FoodAgency, Food, 2_000_00)], "RCP2569TEST0001", DateTime.UtcNow);
        if (pay && paidFirst)
        {
            await DeliverAsync(Guid.NewGuid(), paid);
        }

        foreach (var approval in approvals)
        {
            await DeliverAsync(Guid.NewGuid(), approval);
        }

        if (pay && !paidFirst)
        {
            await DeliverAsync(Guid.NewGuid(), paid);
        }

        return number;
    }

    /// <summary>The numbers of the documents issued for an application, by licence code.</summary>
    public Task<Dictionary<string, string>> DocumentsOfAsync(Guid applicationId)
        => WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.Where(d => d.ApplicationId == applicationId)
            .ToDictionaryAsync(d => d.LicenceCode!, d => d.Number));

    /// <summary>The signed credential of a document.</summary>
    public Task<string> CredentialOfAsync(string number)
        => WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.Where(d => d.Number == number).Select(d => d.Credential).SingleAsync());

    /// <summary>The events of type <typeparamref name="T"/> in Documents' outbox.</summary>
    public Task<List<T>> OutboxAsync<T>()
        => WithScopeAsync(async sp =>
        {
            var name = IntegrationEventTypes.NameOf(typeof(T));
            var payloads = await sp.GetRequiredService<DocumentsDbContext>().OutboxMessages.Where(m => m.Type == name).OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync();
            return payloads.ConvertAll(p => JsonSerializer.Deserialize<T>(p, Json)!);
        });

    /// <summary>Delivers one event to Documents' consumer (the same message id twice is a redelivery).</summary>
    public Task DeliverAsync(Guid messageId, IIntegrationEvent integrationEvent)
        => WithScopeAsync<bool>(async sp =>
        {
            switch (integrationEvent)
            {
                case LicenceApproved approved:
                    await sp.GetServices<IIntegrationEventHandler<LicenceApproved>>().OfType<LicenceDocuments>().Single().HandleAsync(messageId, approved, CancellationToken.None);
                    break;
                case InvoicePaid paid:
                    await sp.GetServices<IIntegrationEventHandler<InvoicePaid>>().OfType<LicenceDocuments>().Single().HandleAsync(messageId, paid, CancellationToken.None);
                    break;
                default:
                    throw new ArgumentException(integrationEvent.GetType().Name);
            }

            return true;
        });

    /// <summary>Delivers a settlement to Documents' receipt signer (the same message id twice is a redelivery).</summary>
    public Task DeliverReceiptAsync(Guid messageId, InvoicePaid paid)
        => WithScopeAsync<bool>(async sp =>
        {
            await sp.GetServices<IIntegrationEventHandler<InvoicePaid>>().OfType<ReceiptDocuments>().Single().HandleAsync(messageId, paid, CancellationToken.None);
            return true;
        });

    /// <summary>POSTs a credential to the public verification API and answers the verdict.</summary>
    public async Task<JsonElement> VerifyAsync(string? credential)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/api/documents/verify", UriKind.Relative), new { credential }, Json);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.Clone() : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }
}
