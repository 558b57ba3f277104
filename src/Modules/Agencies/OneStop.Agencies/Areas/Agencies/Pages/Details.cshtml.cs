using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Directory;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Geography;

namespace OneStop.Agencies.Areas.Agencies.Pages;

internal sealed class DetailsModel(AgencyQueries queries) : PageModel
{
    public const int PageSize = 100;

    public AgencyDetails? Agency { get; private set; }

    public IReadOnlyList<OfficeDto> Offices { get; private set; } = [];

    public static IReadOnlyList<Province> Provinces => ThaiGeography.Provinces;

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Agency = await queries.FindAsync(code, ct);
        if (Agency is null)
        {
            return NotFound();
        }

        if (Province is not null && ThaiGeography.FindProvince(Province) is null)
        {
            Province = null;
        }

        Offices = [.. (await queries.OfficesAsync(code, Province, null, ct)).Take(PageSize)];
        return Page();
    }

    public static string ProvinceName(string code)
        => ThaiGeography.FindProvince(code) is { } p ? Bilingual.Pick(p.NameTh, p.NameEn) : code;
}
