using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.SharedKernel;

namespace OneStop.Exchange.Areas.Exchange.Pages.Admin;

/// <summary>What the admin forms share: what happens after a save.</summary>
internal static class AdminPages
{
    public const string SavedKey = "Exchange.Saved";

    /// <summary>TH/GOV/DOPA/population → (TH/GOV/DOPA, population).</summary>
    public static (string Parent, string Code) SplitParent(string id)
        => id.LastIndexOf('/') is var slash and > 0 ? (id[..slash], id[(slash + 1)..]) : (string.Empty, id);

    /// <summary>Back to the form with the error beside its field, or to the overview saying what was saved.</summary>
    public static IActionResult AfterSave(PageModel page, Error? error, string saved, string idField)
    {
        if (error is null)
        {
            page.TempData[SavedKey] = saved;
            return new RedirectResult("/Exchange/Admin");
        }

        page.ModelState.AddModelError(error.Field is null or "id" ? idField : error.Field, error.Message);
        return page.Page();
    }
}
