using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Data;
using OneStop.Testing;

namespace OneStop.Licensing.Tests.Http;

/// <summary>
/// The app with a small catalogue whose workflows the tests control: a food-premises permit from the local
/// government (one reviewer), a liquor licence from the Excise Department (reviewer, then approver),
/// VAT registration that approves itself, and a signboard permit whose questions make the pages of questions longer than one.
/// </summary>
public class LicensingAppFactory : AppFactory
{
    public const string Bma = "22000000";
    public const string Excise = "03006000";
    public const string Revenue = "03007000";
    public const string Company = "0105999000016";
    public const string Director = "1999900000013";

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.RemoveAll<ILicenceTerms>();
        services.AddSingleton<ILicenceTerms, TestCatalogue>();
    }

    public Task<List<string>> OutboxTypesAsync()
        => WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LicensingDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.Type));
        });
}

internal sealed class TestCatalogue : ILicenceTerms
{
    private static readonly FieldTerms CompanyName = new("company_name", "ชื่อกิจการ", "Business name", FieldKind.Text, true, [], "juristic.nameTh");
    private static readonly FieldTerms ApplicantName = new("applicant_name", "ชื่อผู้ขอ", "Applicant", FieldKind.Text, true, [], "population.nameTh");
    private static readonly FieldTerms Seats = new("seats", "จำนวนที่นั่ง", "Seats", FieldKind.Number, true, []);
    private static readonly FieldTerms Alcohol = new("sells_alcohol", "ขายเครื่องดื่มแอลกอฮอล์", "Sells alcohol", FieldKind.YesNo, true, []);

    private static readonly Dictionary<string, LicenceTerms> Licences = new(StringComparer.Ordinal)
    {
        ["food-premises"] = new("food-premises", "ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", "Food premises permit", "21043000",
            [CompanyName, ApplicantName, Seats, new FieldTerms("floor_area", "พื้นที่ (ตร.ม.)", "Floor area (m²)", FieldKind.Number, true, [])],
            [new DocumentTerms("floor_plan", "แบบแปลน", "Floor plan", true, null), new DocumentTerms("company_certificate", "หนังสือรับรองบริษัท", "Company certificate", true, "juristic")],
            [new StepTerms(1, "21043000", "reviewer", false)]),
        ["liquor"] = new("liquor", "ใบอนุญาตขายสุรา", "Liquor licence", LicensingAppFactory.Excise,
            [CompanyName, Alcohol, Seats],
            [new DocumentTerms("id_card", "สำเนาบัตรประชาชน", "ID card copy", true, "population")],
            [new StepTerms(1, LicensingAppFactory.Excise, "reviewer", false), new StepTerms(2, LicensingAppFactory.Excise, "approver", false)])
        {
            Renewable = true,
        },
        ["vat"] = new("vat", "ภาษีมูลค่าเพิ่ม", "VAT registration", LicensingAppFactory.Revenue,
            [CompanyName], [], [new StepTerms(1, LicensingAppFactory.Revenue, "officer", true)]),
        ["signboard"] = new("signboard", "ใบอนุญาตติดตั้งป้าย", "Signboard permit", "21043000",
            [CompanyName, new FieldTerms("sign_area", "ขนาดป้าย (ตร.ม.)", "Sign area (m²)", FieldKind.Number, true, []),
                new FieldTerms("sign_text", "ข้อความบนป้าย", "Wording of the sign", FieldKind.Text, false, []),
                new FieldTerms("put_up_on", "วันที่ติดตั้ง", "Date put up", FieldKind.Date, true, []),
                new FieldTerms("lit", "มีไฟส่องสว่าง", "Lit at night", FieldKind.YesNo, true, [])],
            [], [new StepTerms(1, "21043000", "reviewer", false)]),
    };

    public bool IsBusinessType(string code) => code == "restaurant";

    public LicenceTerms? Find(string licenceCode) => Licences.GetValueOrDefault(licenceCode);

    public (long FeeSatang, int SlaDays) Charge(string licenceCode, Channel channel, IReadOnlyDictionary<string, string> answers)
        => licenceCode switch
        {
            // Premises over 200 m² pay more, so that a corrected floor area changes the fee.
            "food-premises" when decimal.TryParse(answers.GetValueOrDefault("floor_area"), out var area) && area > 200 => (500_00, channel == Channel.Online ? 10 : 15),
            "food-premises" => (channel == Channel.Online ? 180_00 : 200_00, channel == Channel.Online ? 10 : 15),
            "liquor" => (1_100_00, 15),
            _ => (0, 1),
        };
}

/// <summary>Reading answers of the applications API.</summary>
internal static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken));

    public static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>Asserts a problem+json answer with this status that names <paramref name="field"/> (in <c>errors</c>, or as <c>field</c> of a conflict).</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string? field = null)
    {
        var problem = await response.ReadProblemAsync(status);
        if (field is not null)
        {
            Assert.True(problem.ErrorsFor(field).Count > 0 || (problem.TryGetProperty("field", out var named) && named.GetString() == field),
                $"The problem does not name '{field}': {problem}");
        }
    }
}
