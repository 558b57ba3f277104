using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;

namespace OneStop.Licensing.Areas.Licensing.Pages;

/// <summary>
/// The licence guide in three steps on one address, all plain GET forms (nothing is stored, and the result can be
/// bookmarked): choose a business type, answer its questions, see the licences with their reasons.
/// </summary>
internal sealed class GuideModel(LicenceCatalogue catalogue, AgencyNames agencies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Check { get; set; }

    public IReadOnlyList<BusinessTypeDefinition> BusinessTypes => catalogue.BusinessTypes;

    public BusinessTypeDefinition? BusinessType { get; private set; }

    public IReadOnlyDictionary<string, Answer> Answers { get; private set; } = new Dictionary<string, Answer>();

    public GuideResult? Result { get; private set; }

    /// <summary>The same answers at the counter, to show what applying online saves.</summary>
    public GuideResult? AtCounter { get; private set; }

    public AgencyNames Agencies => agencies;

    public void OnGet()
    {
        if (Type is null)
        {
            return;
        }

        BusinessType = catalogue.FindBusinessType(Type);
        if (BusinessType is null)
        {
            ModelState.AddModelError("type", Bilingual("เลือกประเภทธุรกิจจากรายการ", "Choose a type of business from the list"));
            return;
        }

        var read = AnswerReader.FromForm(BusinessType, key => Request.Query[key].Select(v => v ?? "").ToList());
        if (!read.IsSuccess)
        {
            ModelState.AddModelError(read.Error!.Field!["answers.".Length..], read.Error.Message);
            Check = false;
            return;
        }

        Answers = read.Value!;
        if (Check)
        {
            Result = catalogue.Evaluate(BusinessType.Code, Answers, Channel.Online).Value;
            AtCounter = catalogue.Evaluate(BusinessType.Code, Answers, Channel.Counter).Value;
        }
    }

    public bool IsChosen(string key, string value) => Answers.GetValueOrDefault(key) switch
    {
        YesNoAnswer yes => (yes.Value ? "true" : "false") == value,
        ChoiceAnswer choice => choice.Values.Contains(value),
        _ => false,
    };

    public string? NumberOf(string key) => Answers.GetValueOrDefault(key) is NumberAnswer n ? n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Request.Query[key].FirstOrDefault();

    /// <summary>The address of the questions with the answers given, to change them.</summary>
    public string ChangeAnswersUrl => "/Licensing/Guide" + QueryString.Create(Request.Query.Where(q => q.Key != "check").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))).ToUriComponent();

    private static string Bilingual(string thai, string english) => SharedKernel.Bilingual.Pick(thai, english);
}
