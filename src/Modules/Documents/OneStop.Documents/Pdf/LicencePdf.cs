using System.Globalization;
using OneStop.Documents.Issuing;
using OneStop.SharedKernel;
using QRCoder;
using SkiaSharp;

namespace OneStop.Documents.Pdf;

/// <summary>What the paper form of a licence needs besides the document: the agency's names and the check link.</summary>
internal sealed record LicencePrint(IssuedDocument Document, string AgencyTh, string AgencyEn, string VerifyUrl);

/// <summary>
/// The human form of an e-licence: an A4 PDF in Thai with English beneath, the agency, number, holder, premises,
/// validity in Buddhist Era (and Gregorian) dates, and a QR code that opens the public check page. The signed
/// credential is what proves it; the PDF says where to check.
/// </summary>
internal sealed class LicencePdf : IDisposable
{
    private const float PageWidth = 595;   // A4 in points
    private const float PageHeight = 842;
    private const float Margin = 56;
    private static readonly SKColor Ink = new(0x1b, 0x1f, 0x24);
    private static readonly SKColor Muted = new(0x4a, 0x55, 0x60);
    private static readonly SKColor Brand = new(0x0b, 0x4f, 0x8a);

    private readonly ThaiText regular = ThaiText.Embedded("Sarabun-Regular");
    private readonly ThaiText bold = ThaiText.Embedded("Sarabun-Bold");

    public byte[] Render(LicencePrint print)
    {
        ArgumentNullException.ThrowIfNull(print);
        var d = print.Document;
        using var output = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = $"{d.TitleTh} {d.Number}", Author = print.AgencyTh, Creator = "OneStop", Producer = "OneStop", RasterDpi = 300,
            Creation = d.IssuedAt, Modified = d.IssuedAt,
        }))
        {
            var canvas = pdf.BeginPage(PageWidth, PageHeight);
            using (var border = new SKPaint { Color = Brand, IsStroke = true, StrokeWidth = 2 })
            {
                canvas.DrawRect(Margin / 2, Margin / 2, PageWidth - Margin, PageHeight - Margin, border);
            }

            var y = Margin + 20;
            y = Lines(canvas, bold, print.AgencyTh, 14, y, Brand);
            y = Lines(canvas, regular, print.AgencyEn, 11, y, Muted) + 18;
            y = Lines(canvas, bold, d.TitleTh, 22, y, Ink);
            y = Lines(canvas, regular, d.TitleEn, 13, y, Muted) + 14;

            var until = d.ValidUntil is { } end
                ? (ThaiDate(end), EnglishDate(end))
                : ("ไม่มีวันหมดอายุ", "does not expire");
            (string Th, string En, string Value)[] fields =
            [
                ("เลขที่ใบอนุญาต", "Licence number", d.Number),
                ("ผู้รับใบอนุญาต", "Holder", d.HolderJuristicId is { } company ? $"{d.HolderName} ({company})" : d.HolderName),
                ("ชื่อกิจการ", "Business name", d.BusinessName ?? "-"),
                ("สถานที่ประกอบกิจการ", "Premises", d.PremisesAddress ?? "-"),
                ("ออกให้เมื่อ", "Issued", $"{ThaiDate(d.ValidFrom)} ({EnglishDate(d.ValidFrom)})"),
                ("ใช้ได้ถึง", "Valid until", $"{until.Item1} ({until.Item2})"),
                ("เลขที่คำขอ", "Application", d.ApplicationNumber ?? "-"),
            ];
            const float labelWidth = 150;
            var textWidth = PageWidth - 2 * Margin - labelWidth - 150; // room for the QR code on the right
            var qrTop = y;
            foreach (var (th, en, value) in fields)
            {
                bold.Draw(canvas, th, Margin, y, 11, Ink);
                regular.Draw(canvas, en, Margin, y + 13, 9, Muted);
                var valueY = y;
                foreach (var line in regular.Wrap(value, 12, textWidth))
                {
                    regular.Draw(canvas, line, Margin + labelWidth, valueY, 12, Ink);
                    valueY += 17;
                }

                y = Math.Max(y + 32, valueY + 12);
            }

            DrawQr(canvas, print.VerifyUrl, PageWidth - Margin - 130, qrTop - 12, 130);
            regular.Draw(canvas, "สแกนเพื่อตรวจสอบ", PageWidth - Margin - 130, qrTop + 134, 10, Muted);
            regular.Draw(canvas, "Scan to check", PageWidth - Margin - 130, qrTop + 147, 9, Muted);

            y += 10;
            y = Lines(canvas, regular, $"ใบอนุญาตนี้ออกเป็นเอกสารอิเล็กทรอนิกส์ที่{print.AgencyTh}ลงลายมือชื่อดิจิทัล ตรวจสอบความถูกต้องและสถานะล่าสุดได้ที่", 10, y, Muted);
            y = Lines(canvas, regular, $"This licence is an electronic document digitally signed by {print.AgencyEn}. Check that it is genuine and in force at", 9, y, Muted);
            Lines(canvas, bold, print.VerifyUrl, 10, y + 2, Brand);
            pdf.EndPage();
            pdf.Close();
        }

        return output.ToArray();
    }

    public void Dispose()
    {
        regular.Dispose();
        bold.Dispose();
    }

    /// <summary>A Thai date as licences print it, e.g. <c>6 ธันวาคม 2569</c>.</summary>
    public static string ThaiDate(DateTime utc) => ThaiDates.Format(DateOnly.FromDateTime(ThaiDates.ToThaiTime(utc)));

    public static string EnglishDate(DateTime utc) => DateOnly.FromDateTime(ThaiDates.ToThaiTime(utc)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static float Lines(SKCanvas canvas, ThaiText face, string text, float size, float y, SKColor color)
    {
        foreach (var line in face.Wrap(text, size, PageWidth - 2 * Margin))
        {
            face.Draw(canvas, line, Margin, y, size, color);
            y += size * 1.45f;
        }

        return y;
    }

    /// <summary>The check link as a QR code drawn in vectors, sharp at any zoom and when printed.</summary>
    private static void DrawQr(SKCanvas canvas, string url, float left, float top, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (modules[row][column])
                {
                    canvas.DrawRect(left + column * cell, top + row * cell, cell + 0.2f, cell + 0.2f, paint);
                }
            }
        }
    }
}
