using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel.Http;

namespace OneStop.Licensing.Guide;

internal static class GuideEndpoints
{
    public static RouteGroupBuilder MapGuideEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/guide/{businessTypeCode}", Evaluate).WithName("Licensing_Guide_Evaluate")
            .WithSummary("Which licences a business needs, with the reasons, total fees and longest processing time")
            .WithDescription("Answers are keyed by question: true/false, a number, an option, or a list of options. Unanswered questions count as no.");
        return group;
    }

    private static Results<Ok<GuideResultDto>, ProblemHttpResult> Evaluate(
        string businessTypeCode, GuideRequest request, LicenceCatalogue catalogue, AgencyNames agencies,
        [Description("online (default) or counter")] string? channel)
    {
        if (catalogue.FindBusinessType(businessTypeCode) is not { } type)
        {
            return ApiProblems.NotFound($"No business type with code '{businessTypeCode}'.");
        }

        Channel? chosen = channel switch
        {
            null or "" or "online" => Channel.Online,
            "counter" => Channel.Counter,
            _ => null,
        };
        if (chosen is null)
        {
            return ApiProblems.Invalid("channel", "Use online or counter.");
        }

        var answers = AnswerReader.FromJson(type, request.Answers ?? new Dictionary<string, JsonElement>());
        if (!answers.IsSuccess)
        {
            return ApiProblems.From(answers.Error!);
        }

        var result = catalogue.Evaluate(type.Code, answers.Value!, chosen.Value);
        return result.IsSuccess ? TypedResults.Ok(GuideResultDto.From(result.Value!, agencies)) : ApiProblems.From(result.Error!);
    }
}

/// <summary>Answers to a business type's questions.</summary>
internal sealed record GuideRequest(Dictionary<string, JsonElement>? Answers);

/// <summary>The guide's answer.</summary>
internal sealed record GuideResultDto(
    string BusinessType, Channel Channel, IReadOnlyList<GuideLicenceDto> Required, IReadOnlyList<GuideLicenceDto> Optional,
    long TotalFeeSatang, long? TotalMaxFeeSatang, int LongestSlaDays)
{
    public static GuideResultDto From(GuideResult r, AgencyNames agencies) => new(
        r.BusinessType.Code, r.Channel,
        r.Required.Select(l => GuideLicenceDto.From(l, agencies)).ToList(), r.Optional.Select(l => GuideLicenceDto.From(l, agencies)).ToList(),
        r.TotalFeeSatang, r.TotalMaxFeeSatang, r.LongestSlaDays);
}

/// <summary>A licence in the guide's answer.</summary>
internal sealed record GuideLicenceDto(string Code, LocalizedText Name, AgencyDto Agency, IReadOnlyList<LocalizedText> Reasons, FeeQuote Fees, int SlaDays)
{
    public static GuideLicenceDto From(GuideLicence l, AgencyNames agencies)
        => new(l.Licence.Code, l.Licence.Name, LicenceDto.AgencyOf(l.Licence.AgencyCode, agencies), l.Reasons, l.Fees, l.SlaDays);
}
