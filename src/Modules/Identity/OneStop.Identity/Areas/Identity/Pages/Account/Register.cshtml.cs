using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Accounts;
using OneStop.SharedKernel;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Registration: e-mail and password (IAL1), plus the ID card's details for IAL2; then a link by e-mail.</summary>
internal sealed class RegisterModel(RegisterAccount.Handler register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty] public string? CitizenId { get; set; }

    [BindProperty] public string? FirstName { get; set; }

    [BindProperty] public string? LastName { get; set; }

    [BindProperty] public int? BirthDay { get; set; }

    [BindProperty] public int? BirthMonth { get; set; }

    [BindProperty] public int? BirthYear { get; set; }

    [BindProperty] public string? Laser { get; set; }

    /// <summary>Where the mail went: the page then says to open it (the same whether the address was new or taken).</summary>
    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(BirthDay), Bilingual.Pick("วันเกิดต้องเป็นตัวเลข", "The birth date must be numbers."));
            return Page();
        }

        var result = await register.HandleAsync(new RegisterAccount.Request(Email, Password, CitizenId, FirstName, LastName, BirthDay, BirthMonth, BirthYear, Laser, ReturnUrl), ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(error.Field ?? string.Empty, error.Message);
            return Page();
        }

        SentTo = result.Value!.Email;
        return Page();
    }
}
