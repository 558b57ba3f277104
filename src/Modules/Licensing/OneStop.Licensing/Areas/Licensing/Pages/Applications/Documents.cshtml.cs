using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// The documents an application needs: those a registry holds are shown as not needed (no photocopy), the rest
/// are uploaded one at a time with a plain form. Once sent back, only the marked documents can be replaced.
/// </summary>
internal sealed class DocumentsModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue, UploadDocument.Handler upload, ReadDocument.Handler documents)
    : ApplicationPageModel(db, queries, catalogue)
{
    [TempData]
    public string? Uploaded { get; set; }

    /// <summary>The file of a document when one was uploaded.</summary>
    public DocumentView? FileOf(DocumentNeedView need) => Application.Documents.FirstOrDefault(d => d.Key == need.Key);

    /// <summary>Whether the applicant may upload this document now.</summary>
    public bool MayUpload(DocumentNeedView need)
        => !need.Avoided && (Application.Status == "draft" ? Application.Editable is null : Application.Editable?.Contains(need.Key) == true);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The file the applicant attached, to check what was sent.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, string key, CancellationToken ct)
        => await documents.ForApplicantAsync(Applicant, id, key, ct) is { Value: { } file }
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? key, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Application.DocumentsNeeded.FirstOrDefault(d => d.Key == key) is not { } need || !MayUpload(need))
        {
            // Only a hand-made form names no document, or one that is not asked for now.
            ModelState.AddModelError(string.Empty, Bilingual.Pick("เลือกไฟล์ที่ช่องของเอกสารที่จะแนบ", "Choose the file in the box of the document it is for"));
            return Page();
        }

        string? problem = null;
        if (file is null || file.Length == 0)
        {
            problem = Bilingual.Pick("เลือกไฟล์ที่จะแนบ", "Choose a file to attach");
        }
        else if (file.Length > UploadDocument.MaxBytes)
        {
            problem = Bilingual.Pick($"ไฟล์ต้องมีขนาดไม่เกิน {UploadDocument.MaxBytes / 1024 / 1024} MB", $"The file must be at most {UploadDocument.MaxBytes / 1024 / 1024} MB");
        }
        else
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            var result = await upload.HandleAsync(Applicant, id, new UploadDocument.Request(need.Key, file.FileName, content.ToArray()), ct);
            if (result.Error is { Kind: ErrorKind.NotFound })
            {
                return NotFound();
            }

            problem = result.Error is { } error ? MessageFor(error) : null;
        }

        if (problem is not null)
        {
            ModelState.AddModelError("file-" + need.Key, problem);
            return Page();
        }

        Uploaded = need.Key;
        return RedirectToPage(new { id });
    }

    /// <summary>The use case's English message, said in the reader's language.</summary>
    private static string MessageFor(Error error) => error.Code switch
    {
        "application.document_locked" => Bilingual.Pick("เปลี่ยนเอกสารนี้ไม่ได้แล้ว แก้ได้เฉพาะที่หน่วยงานขอ", "This document cannot be changed now: you can correct only what the agency asked for"),
        "application.changed" => Bilingual.Pick("คำขอเพิ่งถูกแก้ไขที่อื่น ลองอีกครั้ง", "The application was just changed elsewhere; try again"),
        _ => Bilingual.Pick("ไฟล์ต้องเป็น PDF, JPEG หรือ PNG", "The file must be a PDF, JPEG or PNG"),
    };
}
