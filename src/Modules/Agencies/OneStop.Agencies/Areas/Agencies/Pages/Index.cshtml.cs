using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Directory;
using OneStop.SharedKernel;

namespace OneStop.Agencies.Areas.Agencies.Pages;

internal sealed class IndexModel(AgencyQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgencyKind? Kind { get; set; }

    public IReadOnlyList<AgencyListItem> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unknown kind in the address is ignored rather than answered with an error page.
        if (Kind is { } k && !Enum.IsDefined(k))
        {
            Kind = null;
        }

        Agencies = await queries.ListAsync(Kind, Q, ct);
    }

    public static string KindName(AgencyKind kind) => kind switch
    {
        AgencyKind.Ministry => Bilingual.Pick("กระทรวง", "Ministry"),
        AgencyKind.Department => Bilingual.Pick("กรม / ส่วนราชการ", "Department"),
        AgencyKind.StateEnterprise => Bilingual.Pick("รัฐวิสาหกิจ", "State enterprise"),
        AgencyKind.PublicOrganization => Bilingual.Pick("องค์การมหาชน", "Public organisation"),
        AgencyKind.IndependentAgency => Bilingual.Pick("หน่วยงานอิสระ", "Independent agency"),
        AgencyKind.ProfessionalCouncil => Bilingual.Pick("สภาวิชาชีพ", "Professional council"),
        AgencyKind.LocalGovernment => Bilingual.Pick("องค์กรปกครองส่วนท้องถิ่น", "Local government"),
        _ => kind.ToString(),
    };
}
