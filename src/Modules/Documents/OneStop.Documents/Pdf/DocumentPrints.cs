using OneStop.Agencies.Contracts;
using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;

namespace OneStop.Documents.Pdf;

/// <summary>A document's PDF, with its agency's names and check link filled in.</summary>
internal sealed class DocumentPrints(LicencePdf pdf, IAgencyDirectory agencies, DocumentSigner signer)
{
    public async Task<byte[]> PdfAsync(IssuedDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        var agency = await agencies.FindAgencyAsync(document.AgencyCode, ct);
        return pdf.Render(new LicencePrint(document, agency?.NameTh ?? document.AgencyCode, agency?.NameEn ?? document.AgencyCode, signer.Link($"/verify/{document.Number}")));
    }

    public static string FileName(IssuedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"{document.Number}.pdf";
    }
}
