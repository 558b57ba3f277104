using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Documents.Data;
using OneStop.Documents.Issuing;
using OneStop.Documents.Pdf;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.Documents.Verification;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;
using OneStop.SharedKernel.Workflow;

namespace OneStop.Documents;

/// <summary>Documents' JSON API: verification and published keys for anyone, documents for their holders, status changes for the issuing agency.</summary>
internal static class DocumentsEndpoints
{
    /// <summary>A document as its holder or its agency sees it.</summary>
    public sealed record DocumentView(string Number, string Kind, string Status, string? StatusReason, DateTime? StatusChangedAt, string AgencyCode, string? LicenceCode,
        string? ApplicationNumber, string HolderName, string? HolderJuristicId, string? BusinessName, string? PremisesAddress, string TitleTh, string TitleEn,
        DateTime ValidFrom, DateTime? ValidUntil, DateTime IssuedAt, string VerifyUrl, string Credential);

    public static RouteGroupBuilder MapDocumentsEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/verify", VerifyAsync).AllowAnonymous().DisableAntiforgery().WithName("Documents_Verify")
            .WithSummary("Verify an e-licence or e-receipt: {\"credential\": \"<the JWT>\"}")
            .WithDescription("Always answers 200 with {valid, reason, detail, number, issuer, status, validFrom, validUntil, credential}; reason is one of malformed, "
                + "unknown-issuer, bad-signature, revoked, suspended, expired, not-yet-valid. The same checks can run offline with the keys from /api/documents/jwks.");
        group.MapGet("/jwks", JwksAsync).AllowAnonymous().WithName("Documents_Jwks")
            .WithSummary("Every agency's public signing keys as a JWK Set (retired keys too: what they signed stays verifiable)");
        group.MapGet("/status/{agency}/{list:int}/{purpose}", StatusListAsync).AllowAnonymous().WithName("Documents_StatusList")
            .WithSummary("An agency's Bitstring Status List credential (purpose revocation or suspension), signed by the agency, as application/vc+jwt");

        var mine = group.MapGroup("/mine").RequireAuthorization(Policies.Citizen);
        mine.MapGet("/", MineAsync).WithName("Documents_Mine").WithSummary("My e-licences (and my company's while I act for it), newest first");
        mine.MapGet("/{number}", MyDocumentAsync).WithName("Documents_Mine_Get").WithSummary("One of my documents, with its signed credential");
        mine.MapGet("/{number}/pdf", MyPdfAsync).WithName("Documents_Mine_Pdf")
            .WithSummary("One of my documents as a PDF in Thai and English, with the QR code of its check page").Produces(StatusCodes.Status200OK, contentType: "application/pdf");

        var agency = group.MapGroup("/agency").RequireAuthorization(Policies.Officer);
        agency.MapGet("/documents", AgencyDocumentsAsync).WithName("Documents_Agency_List").WithSummary("The documents this agency issued, newest first (200 at most)");
        agency.MapPost("/documents/{number}/status", ChangeStatusAsync).WithName("Documents_Agency_Status")
            .WithSummary("Suspend, reinstate or revoke a document this agency issued, with the reason (approvers and agency administrators)");
        agency.MapPost("/keys/rotate", RotateAsync).WithName("Documents_Agency_RotateKey")
            .WithSummary("Retire this agency's signing key and make a new one (agency administrators); documents already signed stay verifiable");
        return group;
    }

    /// <summary>The agencies' <c>did:web</c> documents, where a DID resolver looks for them: <c>/agencies/{code}/did.json</c>.</summary>
    public static WebApplication MapDidDocuments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/agencies/{agency}/did.json", DidDocumentAsync).AllowAnonymous().WithTags("Documents").WithName("Documents_DidDocument")
            .WithSummary("An agency's DID document (did:web), listing every key it has signed with");
        return app;
    }

    private static async Task<Ok<VerifyCredential.Result>> VerifyAsync(VerifyCredential.Request? request, VerifyCredential.Handler handler, CancellationToken ct)
        => TypedResults.Ok(await handler.HandleAsync(request?.Credential, ct));

    private static async Task<IResult> JwksAsync(DocumentsDbContext db, DocumentSigner signer, HttpContext context, CancellationToken ct)
    {
        var keys = await DocumentSigner.AllAsync(db, null, ct);
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(signer.Jwk)]) }, contentType: "application/jwk-set+json");
    }

    private static async Task<IResult> DidDocumentAsync(string agency, DocumentsDbContext db, DocumentSigner signer, HttpContext context, CancellationToken ct)
    {
        var keys = await DocumentSigner.AllAsync(db, agency, ct);
        if (keys.Count == 0)
        {
            return ApiProblems.NotFound($"Agency '{agency}' has not signed anything here.");
        }

        var did = signer.IssuerDid(agency);
        var methods = keys.Select(k => new JsonObject
        {
            ["id"] = $"{did}#{k.Thumbprint}", ["type"] = "JsonWebKey", ["controller"] = did, ["publicKeyJwk"] = signer.Jwk(k),
        });
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray([.. methods]),
            ["assertionMethod"] = new JsonArray([.. keys.Select(k => JsonValue.Create($"{did}#{k.Thumbprint}"))]),
        };
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(document, contentType: "application/did+json");
    }

    private static async Task<IResult> StatusListAsync(string agency, int list, string purpose, DocumentsDbContext db, SignedStatusLists lists,
        HttpContext context, CancellationToken ct)
    {
        if (purpose is not ("revocation" or "suspension")
            || await db.StatusLists.AsNoTracking().SingleOrDefaultAsync(l => l.AgencyCode == agency && l.Number == list, ct) is not { } found)
        {
            return ApiProblems.NotFound($"Agency '{agency}' has no status list {list} for '{purpose}'.");
        }

        var jws = await lists.SignedAsync(db, found, purpose, ct);
        // Verifiers may cache it briefly; a revocation shows within a minute.
        context.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Text(jws, DocumentSigner.MediaType);
    }

    private static async Task<Ok<List<DocumentView>>> MineAsync(ClaimsPrincipal user, DocumentsDbContext db, DocumentSigner signer, CancellationToken ct)
    {
        var documents = await Party.Of(user)!.Filter(db.Documents.AsNoTracking()).OrderByDescending(d => d.IssuedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(documents.ConvertAll(d => ViewOf(d, signer)));
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> MyDocumentAsync(string number, ClaimsPrincipal user, DocumentsDbContext db, DocumentSigner signer,
        CancellationToken ct)
        => await Party.Of(user)!.Filter(db.Documents.AsNoTracking()).SingleOrDefaultAsync(d => d.Number == number, ct) is { } document
            ? TypedResults.Ok(ViewOf(document, signer))
            : ApiProblems.From(Error.NotFound("document", number));

    private static async Task<IResult> MyPdfAsync(string number, ClaimsPrincipal user, DocumentsDbContext db, DocumentPrints prints, CancellationToken ct)
        => await Party.Of(user)!.Filter(db.Documents.AsNoTracking()).SingleOrDefaultAsync(d => d.Number == number, ct) is { } document
            ? TypedResults.File(await prints.PdfAsync(document, ct), "application/pdf", DocumentPrints.FileName(document))
            : ApiProblems.From(Error.NotFound("document", number));

    private static async Task<Ok<List<DocumentView>>> AgencyDocumentsAsync(ClaimsPrincipal user, DocumentsDbContext db, DocumentSigner signer, CancellationToken ct)
    {
        var agency = Officer.Of(user)!.AgencyCode;
        var documents = await db.Documents.AsNoTracking().Where(d => d.AgencyCode == agency).OrderByDescending(d => d.IssuedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(documents.ConvertAll(d => ViewOf(d, signer)));
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> ChangeStatusAsync(string number, ChangeStatus.Request request, ClaimsPrincipal user,
        ChangeStatus.Handler handler, DocumentSigner signer, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.NameOf(user), number, request, ct);
        return result.Value is { } document ? TypedResults.Ok(ViewOf(document, signer)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RotateAsync(ClaimsPrincipal user, DocumentsDbContext db, DocumentSigner signer, CancellationToken ct)
    {
        var officer = Officer.Of(user)!;
        if (!officer.Roles.Contains(OfficerRoleCodes.AgencyAdmin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only the agency's administrators rotate its signing key.");
        }

        return TypedResults.Ok(signer.Jwk(await signer.RotateAsync(db, officer.AgencyCode, ct)));
    }

    internal static DocumentView ViewOf(IssuedDocument d, DocumentSigner signer)
        => new(d.Number, WireNames.Kebab(d.Kind.ToString()), WireNames.Kebab(d.Status.ToString()), d.StatusReason, d.StatusChangedAt, d.AgencyCode, d.LicenceCode,
            d.ApplicationNumber, d.HolderName, d.HolderJuristicId, d.BusinessName, d.PremisesAddress, d.TitleTh, d.TitleEn, d.ValidFrom, d.ValidUntil, d.IssuedAt,
            signer.Link($"/verify/{d.Number}"), d.Credential);
}

/// <summary>Whose documents: a person's own, or their company's while they act for it (as with applications and invoices).</summary>
internal static class Holders
{
    public static IQueryable<IssuedDocument> Filter(this Party holder, IQueryable<IssuedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return holder.JuristicId is { } company
            ? documents.Where(d => d.HolderJuristicId == company)
            : documents.Where(d => d.HolderCitizenId == holder.CitizenId && d.HolderJuristicId == null);
    }
}
