using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Areas.Licensing.Pages.Apply;

/// <summary>Starts an application: which licences, and where the premises are (which decides the offices that review it).</summary>
[Authorize(Policy = Policies.Citizen)]
internal sealed class IndexModel(ILicenceCatalogue catalogue, StartApplication.Handler start) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Type { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public List<string> Licences { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    public BusinessTypeDefinition BusinessType { get; private set; } = null!;

    public IReadOnlyList<LicenceDefinition> Candidates { get; private set; } = [];

    public string? CompanyName => ActingFor.CompanyName(User);


    public IReadOnlyList<District> Districts => Province is { } p ? ThaiGeography.DistrictsOf(p) : [];

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        var result = await start.HandleAsync(Applicant.Of(User)!, new StartApplication.Request(Type, Licences, Province, District is { Length: > 0 } ? District : null), null, ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(error.Field is "licences" or "province" or "district" ? error.Field : string.Empty, error.Field switch
            {
                "licences" => SharedKernel.Bilingual.Pick("เลือกใบอนุญาตที่จะขออย่างน้อย 1 รายการ", "Choose at least one licence to apply for"),
                "province" => SharedKernel.Bilingual.Pick("เลือกจังหวัดที่ตั้งสถานประกอบการ", "Choose the province of the premises"),
                "district" => SharedKernel.Bilingual.Pick("เลือกอำเภอหรือเขตในจังหวัดที่เลือก", "Choose a district of the chosen province"),
                _ => SharedKernel.Bilingual.Pick("เลือกประเภทธุรกิจจากรายการ", "Choose a business type from the list"),
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
