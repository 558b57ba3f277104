using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.Documents.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Status;
using OneStop.Testing;

namespace OneStop.Documents.Tests.Http;

/// <summary>E-licences issued from licensing's and payments' events, read by their holders, verified by anyone.</summary>
public sealed class DocumentsApiTests(DocumentsAppFactory factory) : IClassFixture<DocumentsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApprovedAndPaid_InEitherOrder_IssuesOneSignedLicencePerApprovedLicence(bool paidFirst)
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application, paidFirst);

        var documents = await factory.DocumentsOfAsync(application);
        Assert.Equal([DocumentsAppFactory.Food, DocumentsAppFactory.Liquor], documents.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(documents.Values, n => Assert.Matches("^LIC-25[0-9]{2}-[2-9A-Z]{8}$", n));

        var jwt = await factory.CredentialOfAsync(documents[DocumentsAppFactory.Liquor]);
        var (header, payload) = Parts(jwt);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal("vc+jwt", header.GetProperty("typ").GetString());
        var issuer = payload.GetProperty("issuer").GetProperty("id").GetString()!;
        Assert.StartsWith("did:web:", issuer, StringComparison.Ordinal);
        Assert.EndsWith(":agencies:" + DocumentsAppFactory.Excise, issuer, StringComparison.Ordinal);
        Assert.StartsWith(issuer + "#", header.GetProperty("kid").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", payload.GetProperty("@context")[0].GetString());
        Assert.Contains("VerifiableCredential", payload.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith("/verify/" + documents[DocumentsAppFactory.Liquor], payload.GetProperty("id").GetString(), StringComparison.Ordinal);
        var subject = payload.GetProperty("credentialSubject");
        Assert.Equal("นายทดสอบ ใจดี", subject.GetProperty("holder").GetProperty("name").GetString());
        Assert.Equal("99/1 ถนนพระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110", subject.GetProperty("premises").GetString());
        Assert.Equal(DocumentsAppFactory.Liquor, subject.GetProperty("licence").GetProperty("code").GetString());
        Assert.False(payload.GetRawText().Contains(DocumentsAppFactory.Citizen, StringComparison.Ordinal), "a citizen ID must not be in a public credential");
        // The catalogue says the liquor licence lasts 12 months.
        var from = payload.GetProperty("validFrom").GetDateTime();
        Assert.Equal(from.AddMonths(12), payload.GetProperty("validUntil").GetDateTime());
        var statuses = payload.GetProperty("credentialStatus").EnumerateArray().ToList();
        Assert.Equal(["revocation", "suspension"], statuses.Select(s => s.GetProperty("statusPurpose").GetString()!).ToArray());
        Assert.All(statuses, s => Assert.Equal("BitstringStatusListEntry", s.GetProperty("type").GetString()));

        var issued = (await factory.OutboxAsync<DocumentIssued>()).Where(e => e.ApplicationId == application).ToList();
        Assert.Equal(2, issued.Count);
        var liquor = Assert.Single(issued, e => e.LicenceCode == DocumentsAppFactory.Liquor);
        Assert.Equal(documents[DocumentsAppFactory.Liquor], liquor.Number);
        Assert.EndsWith("/verify/" + liquor.Number, liquor.VerifyUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedButNotPaid_IssuesNothing_AndRedeliveryIssuesNoSecondDocument()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application, pay: false);
        Assert.Empty(await factory.DocumentsOfAsync(application));

        var message = Guid.NewGuid();
        var paid = new OneStop.Payments.Contracts.InvoicePaid(Guid.NewGuid(), "INV2569REDELIVR", application, "BIZ", 0, [], null, DateTime.UtcNow);
        await factory.DeliverAsync(message, paid);
        await factory.DeliverAsync(message, paid);
        await factory.DeliverAsync(Guid.NewGuid(), paid);
        Assert.Equal(2, (await factory.DocumentsOfAsync(application)).Count);
    }

    [Fact]
    public async Task AGenuineLicence_Verifies_ThroughTheApi_AndOfflineWithThePublishedKeys()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application);
        var number = (await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Food];
        var jwt = await factory.CredentialOfAsync(number);

        var verdict = await factory.VerifyAsync(jwt);
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.GetRawText());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("reason").ValueKind);
        Assert.Equal(number, verdict.GetProperty("number").GetString());
        Assert.Equal("active", verdict.GetProperty("status").GetString());
        Assert.Equal("ร้านอาหารทดสอบ", verdict.GetProperty("credential").GetProperty("credentialSubject").GetProperty("businessName").GetString());

        // Offline: an independent JOSE library, given only the published JWK Set, accepts the signature.
        using var client = factory.CreateClient();
        var jwks = await client.GetStringAsync(Url("/api/documents/jwks"), Ct);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(), ValidateAudience = false, ValidateIssuer = false, ValidateLifetime = false,
            RequireExpirationTime = false, ValidTypes = ["vc+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);

        // did:web: the agency's DID document lists the key that signed.
        var kid = Parts(jwt).Header.GetProperty("kid").GetString()!;
        var did = await client.GetFromJsonAsync<JsonElement>(Url($"/agencies/{DocumentsAppFactory.FoodAgency}/did.json"), Ct);
        Assert.Equal(kid[..kid.IndexOf('#', StringComparison.Ordinal)], did.GetProperty("id").GetString());
        Assert.Contains(kid, did.GetProperty("assertionMethod").EnumerateArray().Select(m => m.GetString()));
        using var none = await client.GetAsync(Url("/agencies/99999999/did.json"), Ct);
        await none.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TamperedTruncatedResignedForeignAndGarbage_AreInvalid_WithTheReason_NeverAnError()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application);
        var jwt = await factory.CredentialOfAsync((await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Liquor]);
        var parts = jwt.Split('.');

        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["credentialSubject"]!["holder"]!["name"] = "ผู้ปลอมแปลง";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        await AssertInvalidAsync(tampered, "bad-signature");

        // 84 of the signature's 86 characters still decode (to 63 bytes): a signature cut short.
        await AssertInvalidAsync(jwt[..^2], "bad-signature");
        await AssertInvalidAsync(jwt[..(jwt.Length / 2)], "malformed");
        await AssertInvalidAsync($"{parts[0]}.{parts[1]}", "malformed");

        // Re-signed with a key of one's own, under the agency's kid.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = $"{parts[0]}.{parts[1]}";
        await AssertInvalidAsync($"{forged}.{Base64Url.EncodeToString(forger.SignData(Encoding.ASCII.GetBytes(forged), HashAlgorithmName.SHA256))}", "bad-signature");

        // Signed by a key no agency here published.
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var kid = header["kid"]!.GetValue<string>();
        header["kid"] = kid[..(kid.IndexOf('#', StringComparison.Ordinal) + 1)] + new string('A', 43);
        var foreign = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{parts[1]}";
        await AssertInvalidAsync($"{foreign}.{Base64Url.EncodeToString(forger.SignData(Encoding.ASCII.GetBytes(foreign), HashAlgorithmName.SHA256))}", "unknown-issuer");

        foreach (var garbage in new[] { "", "hello", "a.b.c", "e30.e30.e30", "!!!.???.***", new string('x', 70_000), parts[0] + ".bm90IGpzb24." + parts[2] })
        {
            await AssertInvalidAsync(garbage, "malformed");
        }

        await AssertInvalidAsync(null, "malformed");
        using var client = factory.CreateClient();
        using var notJson = await client.PostAsync(Url("/api/documents/verify"), new StringContent("{not json", Encoding.UTF8, "application/json"), Ct);
        await notJson.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheIssuingAgency_SuspendsReinstatesAndRevokes_AndVerifiersAndTheStatusListSeeIt()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application);
        var number = (await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Liquor];
        var jwt = await factory.CredentialOfAsync(number);
        using var approver = factory.CreateClientAsOfficer(DocumentsAppFactory.Excise, null, "approver");

        using (var suspend = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "suspended", reason = "รอผลการตรวจสถานที่" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        }

        var suspended = await factory.VerifyAsync(jwt);
        Assert.False(suspended.GetProperty("valid").GetBoolean());
        Assert.Equal("suspended", suspended.GetProperty("reason").GetString());
        Assert.Contains("รอผลการตรวจสถานที่", suspended.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(await BitAsync(jwt, "suspension"));

        using (var reinstate = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "active", reason = "ตรวจแล้วถูกต้อง" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reinstate.StatusCode);
        }

        Assert.True((await factory.VerifyAsync(jwt)).GetProperty("valid").GetBoolean());
        Assert.False(await BitAsync(jwt, "suspension"));

        using (var revoke = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "revoked", reason = "ขายสุราแก่ผู้มีอายุต่ำกว่า 20 ปี" }, Ct))
        {
            Assert.Equal("revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        // Again: nothing changes, the answer is the same.
        using (var again = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "revoked", reason = "ซ้ำ" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(["suspended", "active", "revoked"],
            (await factory.OutboxAsync<DocumentStatusChanged>()).Where(e => e.Number == number).Select(e => e.Status).ToArray());
        var revoked = await factory.VerifyAsync(jwt);
        Assert.Equal("revoked", revoked.GetProperty("reason").GetString());
        Assert.True(await BitAsync(jwt, "revocation"));
        Assert.False(await BitAsync(jwt, "suspension"));

        // Revoked is for good.
        using var reinstateRevoked = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "active", reason = "ขอคืน" }, Ct);
        await reinstateRevoked.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheIssuingAgencysApprovers_ChangeStatus_AndBadRequestsNameTheField()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application);
        var number = (await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Liquor];

        using var otherAgency = factory.CreateClientAsOfficer(DocumentsAppFactory.FoodAgency, null, "approver");
        using var notMine = await otherAgency.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "revoked", reason = "ไม่ใช่ของเรา" }, Ct);
        await notMine.ReadProblemAsync(HttpStatusCode.NotFound);
        using var reviewer = factory.CreateClientAsOfficer(DocumentsAppFactory.Excise, null, "reviewer");
        using var notApprover = await reviewer.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "revoked", reason = "ไม่มีสิทธิ์" }, Ct);
        await notApprover.ReadProblemAsync(HttpStatusCode.NotFound);

        using var approver = factory.CreateClientAsOfficer(DocumentsAppFactory.Excise, null, "approver");
        using var badStatus = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "deleted", reason = "ทดสอบ" }, Ct);
        Assert.True((await badStatus.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("status", out _));
        using var noReason = await approver.PostAsJsonAsync(Url($"/api/documents/agency/documents/{number}/status"), new { status = "revoked" }, Ct);
        Assert.True((await noReason.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));

        Assert.True((await factory.VerifyAsync(await factory.CredentialOfAsync(number))).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Holders_SeeTheirOwnDocuments_AndTheirCompanysWhileActingForIt()
    {
        var mine = Guid.NewGuid();
        var companys = Guid.NewGuid();
        await factory.ApproveAndPayAsync(mine);
        await factory.ApproveAndPayAsync(companys, company: DocumentsAppFactory.Company);
        var myNumber = (await factory.DocumentsOfAsync(mine))[DocumentsAppFactory.Liquor];
        var companyNumber = (await factory.DocumentsOfAsync(companys))[DocumentsAppFactory.Liquor];

        using var person = factory.CreateClientAsCitizen(DocumentsAppFactory.Citizen);
        var list = await person.GetFromJsonAsync<JsonElement>(Url("/api/documents/mine"), Ct);
        var numbers = list.EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Contains(myNumber, numbers);
        Assert.DoesNotContain(companyNumber, numbers);
        var one = await person.GetFromJsonAsync<JsonElement>(Url($"/api/documents/mine/{myNumber}"), Ct);
        Assert.EndsWith("/verify/" + myNumber, one.GetProperty("verifyUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, one.GetProperty("credential").GetString()!.Split('.').Length);

        using var director = factory.CreateClientAsCitizen(DocumentsAppFactory.Citizen, DocumentsAppFactory.Company);
        var companyList = await director.GetFromJsonAsync<JsonElement>(Url("/api/documents/mine"), Ct);
        Assert.Contains(companyNumber, companyList.EnumerateArray().Select(d => d.GetProperty("number").GetString()));

        using var other = factory.CreateClientAsCitizen(DocumentsAppFactory.OtherCitizen);
        using var notTheirs = await other.GetAsync(Url($"/api/documents/mine/{myNumber}"), Ct);
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = factory.CreateClient();
        using var unsigned = await anonymous.GetAsync(Url("/api/documents/mine"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task TheHolder_DownloadsThePdf_WithTheFontEmbedded_AndOthersCannot()
    {
        var application = Guid.NewGuid();
        await factory.ApproveAndPayAsync(application);
        var number = (await factory.DocumentsOfAsync(application))[DocumentsAppFactory.Food];

        using var person = factory.CreateClientAsCitizen(DocumentsAppFactory.Citizen);
        using var pdf = await person.GetAsync(Url($"/api/documents/mine/{number}/pdf"), Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{number}.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Contains("Sarabun", raw, StringComparison.Ordinal); // the government font travels with the file
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.True(bytes.Length is > 5_000 and < 2_000_000, $"{bytes.Length} bytes");
        // Kept as a test artefact, to look at (pdftoppm -png) when the layout changes.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "artifacts", "licence.pdf"), bytes, Ct);

        using var page = await person.GetAsync(Url($"/Documents?handler=Pdf&number={number}"), Ct);
        Assert.Equal("application/pdf", page.Content.Headers.ContentType?.MediaType);

        using var other = factory.CreateClientAsCitizen(DocumentsAppFactory.OtherCitizen);
        using var notTheirs = await other.GetAsync(Url($"/api/documents/mine/{number}/pdf"), Ct);
        await notTheirs.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryReceipt_IsSignedByTheCollectingAgency_AndVerifies_ButASettlementWithoutMoneyHasNone()
    {
        var receiptNumber = "RCP2569" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var paid = new OneStop.Payments.Contracts.InvoicePaid(Guid.NewGuid(), "INV2569RCPTTEST", null, "PARK-1", 500_00,
            [new OneStop.Payments.Contracts.PaidItem("22000000", "parking", 500_00)], receiptNumber, DateTime.UtcNow,
            DocumentsAppFactory.Citizen, null, "นายทดสอบ ใจดี", "ค่าปรับจอดรถ", "Parking fine", "10009000");
        var message = Guid.NewGuid();
        await factory.DeliverReceiptAsync(message, paid);
        await factory.DeliverReceiptAsync(message, paid);
        await factory.DeliverReceiptAsync(Guid.NewGuid(), paid);
        await factory.DeliverReceiptAsync(Guid.NewGuid(), paid with { InvoiceId = Guid.NewGuid(), Number = "INV2569FREE0001", AmountSatang = 0, ReceiptNumber = null });

        var jwt = await factory.CredentialOfAsync(receiptNumber);
        var (header, payload) = Parts(jwt);
        Assert.Contains(":agencies:10009000#", header.GetProperty("kid").GetString(), StringComparison.Ordinal);
        Assert.Contains("ReceiptCredential", payload.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var receipt = payload.GetProperty("credentialSubject").GetProperty("receipt");
        Assert.Equal(500_00, receipt.GetProperty("amountSatang").GetInt64());
        Assert.Equal("500.00", receipt.GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("INV2569RCPTTEST", receipt.GetProperty("invoiceNumber").GetString());
        Assert.True((await factory.VerifyAsync(jwt)).GetProperty("valid").GetBoolean());

        using var visitor = factory.CreateClient();
        var html = await visitor.GetStringAsync(Url($"/verify/{receiptNumber}"), Ct);
        Assert.Contains("ใบเสร็จรับเงินนี้เป็นของจริง", html, StringComparison.Ordinal);
        using var person = factory.CreateClientAsCitizen(DocumentsAppFactory.Citizen);
        var mine = await person.GetFromJsonAsync<JsonElement>(Url("/api/documents/mine"), Ct);
        Assert.Single(mine.EnumerateArray(), d => d.GetProperty("number").GetString() == receiptNumber && d.GetProperty("kind").GetString() == "receipt");
        Assert.Equal(1, await factory.WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.CountAsync(d => d.Number == receiptNumber)));
        Assert.False(await factory.WithScopeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Documents.AnyAsync(d => d.Number.StartsWith("INV2569FREE"))));
    }

    [Fact]
    public async Task RotatingAnAgencysKey_SignsNewDocumentsWithTheNewKey_AndOldOnesStillVerify()
    {
        var before = Guid.NewGuid();
        await factory.ApproveAndPayAsync(before);
        var oldJwt = await factory.CredentialOfAsync((await factory.DocumentsOfAsync(before))[DocumentsAppFactory.Liquor]);

        using var approver = factory.CreateClientAsOfficer(DocumentsAppFactory.Excise, null, "approver");
        using var refused = await approver.PostAsync(Url("/api/documents/agency/keys/rotate"), null, Ct);
        await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var admin = factory.CreateClientAsOfficer(DocumentsAppFactory.Excise, null, "agency-admin");
        using var rotate = await admin.PostAsync(Url("/api/documents/agency/keys/rotate"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var newKid = (await rotate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("kid").GetString();

        var after = Guid.NewGuid();
        await factory.ApproveAndPayAsync(after);
        var newJwt = await factory.CredentialOfAsync((await factory.DocumentsOfAsync(after))[DocumentsAppFactory.Liquor]);
        Assert.Equal(newKid, Parts(newJwt).Header.GetProperty("kid").GetString());
        Assert.NotEqual(newKid, Parts(oldJwt).Header.GetProperty("kid").GetString());

        Assert.True((await factory.VerifyAsync(oldJwt)).GetProperty("valid").GetBoolean());
        Assert.True((await factory.VerifyAsync(newJwt)).GetProperty("valid").GetBoolean());
        using var client = factory.CreateClient();
        var jwks = await client.GetFromJsonAsync<JsonElement>(Url("/api/documents/jwks"), Ct);
        var kids = jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(newKid, kids);
        Assert.Contains(Parts(oldJwt).Header.GetProperty("kid").GetString(), kids);
    }

    private async Task AssertInvalidAsync(string? credential, string reason)
    {
        var verdict = await factory.VerifyAsync(credential);
        Assert.False(verdict.GetProperty("valid").GetBoolean(), credential);
        Assert.Equal(reason, verdict.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(verdict.GetProperty("detail").GetString()));
    }

    /// <summary>The document's bit in the agency's published status list of that purpose, read as an offline verifier would.</summary>
    private async Task<bool> BitAsync(string jwt, string purpose)
    {
        var entry = Parts(jwt).Payload.GetProperty("credentialStatus").EnumerateArray().Single(s => s.GetProperty("statusPurpose").GetString() == purpose);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(entry.GetProperty("statusListCredential").GetString()!).PathAndQuery, Ct);
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        var list = await response.Content.ReadAsStringAsync(Ct);
        var subject = Parts(list).Payload.GetProperty("credentialSubject");
        Assert.Equal(purpose, subject.GetProperty("statusPurpose").GetString());
        var bits = StatusList.Decode(subject.GetProperty("encodedList").GetString()!);
        Assert.Equal(StatusList.Size / 8, bits.Length);
        return StatusList.IsSet(bits, int.Parse(entry.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (JsonElement Header, JsonElement Payload) Parts(string jwt)
    {
        var parts = jwt.Split('.');
        return (JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone(), JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone());
    }
}
