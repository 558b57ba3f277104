using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;

namespace OneStop.Licensing.Applications;

/// <summary>
/// Uploads a document the registries do not hold (a floor plan, a photo of the premises), replacing an
/// earlier upload of the same document. PDF, JPEG or PNG, recognised by their first bytes, not their names.
/// </summary>
internal static class UploadDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly (string ContentType, byte[] Magic)[] Accepted =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    public sealed record Request(string DocumentKey, string FileName, byte[] Content);

    internal sealed class Handler(LicensingDbContext db, ILicenceTerms catalogue, TimeProvider clock)
    {
        public async Task<Result<LicenceApplication>> HandleAsync(Applicant applicant, Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(applicant);
            ArgumentNullException.ThrowIfNull(request);
            var application = await ApplicationAccess.LoadOwnedAsync(db, applicant, id, ct);
            if (application is null)
            {
                return ApplicationAccess.NotFound(id);
            }

            var terms = application.Licences.Select(l => catalogue.Find(l.LicenceCode)).OfType<LicenceTerms>();
            if (!AnswerRules.DocumentsOf(terms).Any(d => d.Key == request.DocumentKey))
            {
                return Error.Invalid("documentKey", $"'{request.DocumentKey}' is not a document of this application.");
            }

            if (application.AvoidedCopies.Contains(request.DocumentKey))
            {
                return Error.Invalid("documentKey", $"The state already holds '{request.DocumentKey}' (read from the registries): no copy is needed.");
            }

            if (application.EditableFields() is { } editable && !editable.Contains(request.DocumentKey))
            {
                return Error.Conflict("application.document_locked", "This document cannot be replaced now: only what the reviewers marked can be corrected.") with { Field = "file" };
            }

            if (request.Content.LongLength is 0 or > MaxBytes)
            {
                return Error.Invalid("file", $"Choose a file of at most {MaxBytes / 1024 / 1024} MB.");
            }

            if (Accepted.FirstOrDefault(a => request.Content.AsSpan().StartsWith(a.Magic)) is not { ContentType: { } contentType })
            {
                return Error.Invalid("file", "The file must be a PDF, JPEG or PNG.");
            }

            var now = clock.UtcNowAsStored();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Documents.Where(d => d.ApplicationId == id && d.DocumentKey == request.DocumentKey).ExecuteDeleteAsync(ct);
            db.Documents.Add(new ApplicationDocument
            {
                Id = Guid.CreateVersion7(), ApplicationId = id, DocumentKey = request.DocumentKey, FileName = SafeName(request.FileName),
                ContentType = contentType, Size = request.Content.Length, Content = request.Content, UploadedAt = now,
            });
            application.UpdatedAt = now;
            application.Version++;
            if (await ApplicationAccess.SaveAsync(db, ct) is { } changed)
            {
                return changed; // the transaction rolls back: the earlier upload stays
            }

            await transaction.CommitAsync(ct);
            return application;
        }

        /// <summary>The file's own name without folders or control characters, for showing back.</summary>
        private static string SafeName(string name)
        {
            var file = Path.GetFileName(name.Replace('\\', '/'));
            var clean = new string(file.Where(c => !char.IsControl(c)).ToArray());
            return clean.Length is > 0 and <= 255 ? clean : "document";
        }
    }
}
