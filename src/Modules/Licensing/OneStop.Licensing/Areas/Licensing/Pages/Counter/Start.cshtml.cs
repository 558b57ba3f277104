using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Counter;

/// <summary>
/// Counter staff start an application for a walk-in: the card's details, how the identity was checked, the
/// walk-in's consent to the registries being read, the licences and where the premises are.
/// </summary>
[Authorize(Policy = Policies.Officer)]
internal sealed class StartModel(ILicenceCatalogue catalogue, StartAtCounter.Handler start) : PageModel
{
    /// <summary>How counter staff check who the walk-in is, in the words the history keeps.</summary>
    public static readonly IReadOnlyList<(string Code, string Thai, string English)> IdentityChecks =
    [
        ("chip", "อ่านบัตรประชาชนด้วยเครื่องอ่านบัตร", "ID card read by chip"),
        ("thaid", "ยืนยันตัวตนด้วยแอป ThaiD", "ThaiD app"),
        ("card", "ตรวจบัตรประชาชนด้วยสายตา", "ID card checked by eye"),
    ];

    [BindProperty(SupportsGet = true)]
    public string Type { get; set; } = string.Empty;

    [BindProperty]
    public string? CitizenId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? JuristicId { get; set; }

    [BindProperty]
    public string? IdentityCheck { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    [BindProperty]
    public List<string> Licences { get; set; } = [];

    [BindProperty]
    public string? Province { get; set; }

    [BindProperty]
    public string? District { get; set; }

    public BusinessTypeDefinition BusinessType { get; private set; } = null!;

    public IReadOnlyList<LicenceDefinition> Candidates { get; private set; } = [];

    public IReadOnlyList<District> Districts => Province is { } p ? ThaiGeography.DistrictsOf(p) : [];

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    /// <summary>The province was chosen: show its districts, keeping what was typed (posted, so the card's details stay out of URLs).</summary>
    public IActionResult OnPostProvince() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        if (CounterStaff.Of(User) is not { } staff)
        {
            return Forbid();
        }

        var check = IdentityChecks.FirstOrDefault(c => c.Code == IdentityCheck);
        var result = await start.HandleAsync(staff, new CounterRequest(CitizenId?.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), Name, JuristicId?.Trim(),
            check.Code is null ? null : check.English, Consent, Type, Licences, Province, District is { Length: > 0 } ? District : null, Email), ct);
        if (result.Error is { } error)
        {
            var field = error.Field ?? "licences";
            ModelState.AddModelError(field, field switch
            {
                "citizenId" => Bilingual.Pick("กรอกเลขประจำตัวประชาชน 13 หลักตามบัตร", "Enter the 13-digit citizen ID as on the card"),
                "name" => Bilingual.Pick("กรอกชื่อและนามสกุลตามบัตร", "Enter the name as on the card"),
                "juristicId" when error.Message.Contains("director", StringComparison.Ordinal)
                    => Bilingual.Pick("ผู้มาติดต่อไม่ใช่กรรมการผู้มีอำนาจลงนามของนิติบุคคลนี้", "The walk-in is not a director who may sign for this company"),
                "juristicId" => Bilingual.Pick("ไม่พบนิติบุคคลนี้ในทะเบียน ตรวจเลขทะเบียน 13 หลักอีกครั้ง", "No such company in the registry: check the 13-digit number"),
                "identityCheck" => Bilingual.Pick("เลือกวิธีที่ตรวจสอบตัวตนผู้มาติดต่อ", "Choose how you checked the walk-in's identity"),
                "email" => Bilingual.Pick("กรอกอีเมลให้ถูกรูปแบบ เช่น name@example.com หรือเว้นว่างไว้", "Enter an e-mail address such as name@example.com, or leave it empty"),
                "consent" => Bilingual.Pick("ผู้มาติดต่อต้องยินยอมให้ดึงข้อมูลจากทะเบียนก่อน", "The walk-in must agree to the registries being read"),
                "licences" => Bilingual.Pick("เลือกใบอนุญาตที่จะขออย่างน้อย 1 รายการ", "Choose at least one licence to apply for"),
                "province" => Bilingual.Pick("เลือกจังหวัดที่ตั้งสถานประกอบการ", "Choose the province of the premises"),
                "district" => Bilingual.Pick("เลือกอำเภอหรือเขตในจังหวัดที่เลือก", "Choose a district of the chosen province"),
                _ => error.Message,
            });
            return Page();
        }

        return Redirect($"/Licensing/Applications/{result.Value!.Id}");
    }

    private bool Load()
    {
        if (catalogue.FindBusinessType(Type) is not { } type)
        {
            return false;
        }

        BusinessType = type;
        Candidates = type.LicenceCodes.Select(catalogue.FindLicence).OfType<LicenceDefinition>().ToList();
        return true;
    }
}
