using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Areas.Licensing.Pages;

internal sealed class IndexModel(LicenceCatalogue catalogue, AgencyNames agencies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? BusinessType { get; set; }

    public IReadOnlyList<BusinessTypeDefinition> BusinessTypes => catalogue.BusinessTypes;

    public IReadOnlyList<LicenceDefinition> Licences { get; private set; } = [];

    public AgencyNames Agencies => agencies;

    public void OnGet()
    {
        // An unknown business type in the address is ignored rather than answered with an error page.
        if (BusinessType is not null && catalogue.FindBusinessType(BusinessType) is null)
        {
            BusinessType = null;
        }

        Licences = catalogue.Search(Q, BusinessType).OrderBy(l => l.Name.Pick(), StringComparer.CurrentCulture).ToList();
    }
}
