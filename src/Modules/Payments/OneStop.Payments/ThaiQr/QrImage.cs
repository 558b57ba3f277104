using QRCoder;

namespace OneStop.Payments.ThaiQr;

/// <summary>A payment code as a PNG image banking apps can scan.</summary>
internal static class QrImage
{
    /// <summary>
    /// Error correction M, as the Thai QR guideline recommends for codes on screens and paper; explicit colours give a
    /// palette PNG, which PDF libraries accept too (the default grayscale one is refused by some).
    /// </summary>
    public static byte[] Png(string payload, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, [0, 0, 0, 255], [255, 255, 255, 255]);
    }

    /// <summary>The PNG as a <c>data:</c> URL for an <c>img</c> element, so a page needs no second request.</summary>
    public static string DataUrl(string payload) => "data:image/png;base64," + Convert.ToBase64String(Png(payload, 6));
}
