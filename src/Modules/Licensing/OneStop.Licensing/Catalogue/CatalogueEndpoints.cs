using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.SharedKernel.Http;

namespace OneStop.Licensing.Catalogue;

internal static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/business-types", ListBusinessTypes).WithName("Licensing_BusinessTypes_List")
            .WithSummary("Business types, each with how many licences it may need");
        group.MapGet("/business-types/{code}", GetBusinessType).WithName("Licensing_BusinessTypes_Get")
            .WithSummary("One business type with its determinant questions and candidate licences");
        group.MapGet("/licences", ListLicences).WithName("Licensing_Licences_List")
            .WithSummary("Licences with agency, fees, processing time, online incentive and review workflow")
            .WithDescription("Optional `q` matches words of the Thai or English name, the law or the reasons; `businessType` keeps the licences a business type may need.");
        group.MapGet("/licences/{code}", GetLicence).WithName("Licensing_Licences_Get")
            .WithSummary("One licence");
        return group;
    }

    private static Ok<List<BusinessTypeListItem>> ListBusinessTypes(LicenceCatalogue catalogue)
        => TypedResults.Ok(catalogue.BusinessTypes.Select(b => new BusinessTypeListItem(b.Code, b.Name, b.LicenceCodes.Count)).ToList());

    private static Results<Ok<BusinessTypeDto>, ProblemHttpResult> GetBusinessType(string code, LicenceCatalogue catalogue)
        => catalogue.FindBusinessType(code) is { } b
            ? TypedResults.Ok(new BusinessTypeDto(b.Code, b.Name, b.Sources, b.Questions, b.LicenceCodes))
            : ApiProblems.NotFound($"No business type with code '{code}'.");

    private static Results<Ok<List<LicenceDto>>, ProblemHttpResult> ListLicences(
        LicenceCatalogue catalogue, AgencyNames agencies,
        [Description("Words in Thai or English")] string? q,
        [Description("A business type code")] string? businessType)
    {
        if (!string.IsNullOrWhiteSpace(businessType) && catalogue.FindBusinessType(businessType.Trim()) is null)
        {
            return ApiProblems.Invalid("businessType", $"No business type with code '{businessType}'.");
        }

        return TypedResults.Ok(catalogue.Search(q, businessType).Select(l => LicenceDto.From(l, agencies, catalogue.TypesNeeding(l.Code))).ToList());
    }

    private static Results<Ok<LicenceDto>, ProblemHttpResult> GetLicence(string code, LicenceCatalogue catalogue, AgencyNames agencies)
        => catalogue.FindLicence(code) is { } l
            ? TypedResults.Ok(LicenceDto.From(l, agencies, catalogue.TypesNeeding(l.Code)))
            : ApiProblems.NotFound($"No licence with code '{code}'.");
}
