using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;

namespace OneStop.Licensing.Areas.Licensing.Pages.Licences;

internal sealed class DetailsModel(LicenceCatalogue catalogue, AgencyNames agencies) : PageModel
{
    public LicenceDefinition Licence { get; private set; } = null!;

    public IReadOnlyList<BusinessTypeDefinition> BusinessTypes { get; private set; } = [];

    /// <summary>Every question the catalogue asks, for the units of fee formulas.</summary>
    public IReadOnlyList<QuestionDefinition> Questions { get; private set; } = [];

    public AgencyNames Agencies => agencies;

    public IActionResult OnGet(string code)
    {
        if (catalogue.FindLicence(code) is not { } licence)
        {
            return NotFound();
        }

        Licence = licence;
        BusinessTypes = catalogue.TypesNeeding(code).ToList();
        Questions = catalogue.BusinessTypes.SelectMany(b => b.Questions).DistinctBy(q => q.Key).ToList();
        return Page();
    }
}
