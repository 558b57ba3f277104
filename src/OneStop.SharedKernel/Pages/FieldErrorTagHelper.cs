using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OneStop.SharedKernel.Pages;

/// <summary>
/// Repeats a form's errors next to their fields (the _Errors summary lists them all): the field the summary
/// links to gets its messages just before it (after a fieldset's legend), and points at them with
/// <c>aria-describedby</c>. Model state keys follow the bound property's case (<c>Email</c>), ids are camelCase (<c>email</c>).
/// </summary>
[HtmlTargetElement("input", Attributes = "id")]
[HtmlTargetElement("select", Attributes = "id")]
[HtmlTargetElement("textarea", Attributes = "id")]
[HtmlTargetElement("fieldset", Attributes = "id")]
public sealed class FieldErrorTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext.ModelState.ErrorCount == 0
            || output.Attributes["id"]?.Value?.ToString() is not { Length: > 0 } id
            || string.Equals(output.Attributes["type"]?.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase)
            || ErrorsFor(ViewContext.ModelState, id) is not { Count: > 0 } errors)
        {
            return;
        }

        var errorId = id + "-error";
        var message = $"<p class=\"error-message\" id=\"{encoder.Encode(errorId)}\"><span class=\"visually-hidden\">{encoder.Encode(Bilingual.Pick("ข้อผิดพลาด:", "Error:"))} </span>"
            + string.Join("<br />", errors.Select(encoder.Encode)) + "</p>";
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : errorId + " " + describedBy);
        if (output.TagName == "fieldset")
        {
            var content = (await output.GetChildContentAsync()).GetContent();
            var legendEnd = content.IndexOf("</legend>", StringComparison.Ordinal);
            var at = legendEnd < 0 ? 0 : legendEnd + "</legend>".Length;
            output.Content.SetHtmlContent(content[..at] + message + content[at..]);
        }
        else
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.PreElement.AppendHtml(message);
        }
    }

    /// <summary>The messages of the model state entry whose key is the field's id in PascalCase.</summary>
    public static IReadOnlyList<string> ErrorsFor(ModelStateDictionary modelState, string id)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(id);
        return [.. modelState
            .Where(e => e.Key.Length > 0 && string.Equals(FieldId(e.Key), id, StringComparison.Ordinal))
            .SelectMany(e => e.Value?.Errors.Select(error => error.ErrorMessage) ?? [])];
    }

    /// <summary>The id of the field a model state key belongs to (what the summary links to).</summary>
    public static string FieldId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key[1..];
    }
}
