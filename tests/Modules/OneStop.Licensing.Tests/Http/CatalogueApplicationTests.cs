using System.Net;
using System.Net.Http.Json;
using OneStop.Testing;
using static OneStop.Licensing.Tests.Http.Api;

namespace OneStop.Licensing.Tests.Http;

/// <summary>Applications for licences of the real catalogue, end to end.</summary>
public sealed class CatalogueApplicationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] RestaurantLicences = ["food-premises-licence", "vat-registration"];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARestaurantInChiangMai_AsksEachQuestionOnce_NeedsNoCopyTheRegistriesHold_AndGoesToTheCitysQueue()
    {
        using var client = factory.CreateClientAsCitizen(LicensingAppFactory.Director, LicensingAppFactory.Company);
        using var started = await client.PostAsJsonAsync(Url("/api/licensing/applications"),
            new { businessType = "restaurant", licences = RestaurantLicences, province = "50", district = "5001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var application = await started.JsonAsync();
        var id = application.GetProperty("id").GetString();
        var questions = application.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(questions.Count, questions.Select(q => q.GetProperty("key").GetString()).Distinct().Count());
        Assert.Contains(questions, q => q.GetProperty("key").GetString() == "juristicName");

        using var prefill = await client.PostAsync(Url($"/api/licensing/applications/{id}/prefill"), null, Ct);
        application = await prefill.JsonAsync();
        var answers = application.GetProperty("answers");
        Assert.Equal(LicensingAppFactory.Company, answers.GetProperty("juristicId").GetString());
        Assert.Equal(LicensingAppFactory.Director, answers.GetProperty("applicantCitizenId").GetString());
        var avoided = application.GetProperty("avoidedCopies").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("idCard", avoided);
        Assert.Contains("juristicCertificate", avoided);

        // Answer what is left and upload what no registry holds.
        var unanswered = questions.Where(q => q.GetProperty("required").GetBoolean() && !answers.TryGetProperty(q.GetProperty("key").GetString()!, out _))
            .ToDictionary(q => q.GetProperty("key").GetString()!, q => q.GetProperty("kind").GetString() switch { "number" => "80", "date" => "2027-01-15", _ => "ร้านข้าวซอยทดสอบ" });
        using var saved = await client.PutAsJsonAsync(Url($"/api/licensing/applications/{id}/answers"), new { answers = unanswered }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        foreach (var document in application.GetProperty("documentsNeeded").EnumerateArray().Where(d => d.GetProperty("required").GetBoolean() && !d.GetProperty("avoided").GetBoolean()))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "photo.png" } };
            using var upload = await client.PutAsync(Url($"/api/licensing/applications/{id}/documents/{document.GetProperty("key").GetString()}"), form, Ct);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var submitted = await client.PostAsJsonAsync(Url($"/api/licensing/applications/{id}/submit"), new { declaration = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var licences = (await submitted.JsonAsync()).GetProperty("licences").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);
        Assert.Equal("approved", licences["vat-registration"].GetProperty("status").GetString());
        var food = licences["food-premises-licence"];
        Assert.Equal("in-review", food.GetProperty("status").GetString());
        var holder = food.GetProperty("heldBy").EnumerateArray().Single();
        Assert.Equal("LG500002", holder.GetProperty("agencyCode").GetString()); // the city municipality, not "any local government"
        Assert.Equal("reviewer", holder.GetProperty("role").GetString());
    }
}
