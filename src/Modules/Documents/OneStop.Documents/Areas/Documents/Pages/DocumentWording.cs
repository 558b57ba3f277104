using System.Globalization;
using OneStop.Documents.Verification;
using OneStop.SharedKernel;

namespace OneStop.Documents.Areas.Documents.Pages;

/// <summary>How documents' states and verdicts are said to people, in Thai and English.</summary>
internal static class DocumentWording
{
    public static string Status(string status) => status switch
    {
        "active" => Bilingual.Pick("ใช้ได้", "In force"),
        "suspended" => Bilingual.Pick("ถูกพักใช้", "Suspended"),
        "revoked" => Bilingual.Pick("ถูกเพิกถอน", "Revoked"),
        _ => status,
    };

    /// <summary>The verdict's headline, for a person holding the paper or the phone.</summary>
    public static string Verdict(VerifyCredential.Result result, bool receipt = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Reason switch
        {
            null when receipt => Bilingual.Pick("ใบเสร็จรับเงินนี้เป็นของจริง", "This receipt is genuine"),
            "revoked" when receipt => Bilingual.Pick("ใบเสร็จรับเงินนี้ถูกยกเลิกแล้ว", "This receipt has been cancelled"),
            null => Bilingual.Pick("ใบอนุญาตนี้เป็นของจริงและยังใช้ได้", "This licence is genuine and in force"),
            "revoked" => Bilingual.Pick("ใบอนุญาตนี้ถูกเพิกถอนแล้ว ใช้ไม่ได้", "This licence has been revoked: it is no longer valid"),
            "suspended" => Bilingual.Pick("ใบอนุญาตนี้ถูกพักใช้ ใช้ไม่ได้ในขณะนี้", "This licence is suspended: it is not valid for now"),
            "expired" => Bilingual.Pick("ใบอนุญาตนี้หมดอายุแล้ว", "This licence has expired"),
            "not-yet-valid" => Bilingual.Pick("ใบอนุญาตนี้ยังไม่ถึงวันเริ่มใช้", "This licence is not valid yet"),
            "bad-signature" => Bilingual.Pick("ลายมือชื่อดิจิทัลไม่ตรงกับข้อมูล เอกสารนี้ถูกแก้ไขหรือปลอมแปลง", "The digital signature does not match: the document was changed or forged"),
            "unknown-issuer" => Bilingual.Pick("เอกสารนี้ไม่ได้ออกโดยหน่วยงานในระบบนี้", "This document was not issued by an agency of this platform"),
            _ => Bilingual.Pick("ข้อความนี้ไม่ใช่เอกสารอิเล็กทรอนิกส์ที่อ่านได้", "This is not an electronic document that can be read"),
        };
    }

    /// <summary>A date as the paper licence prints it: Buddhist Era in Thai, Gregorian in English.</summary>
    public static string Date(DateTime utc) => ThaiDates.FormatFor(DateOnly.FromDateTime(ThaiDates.ToThaiTime(utc)), CultureInfo.CurrentUICulture);
}
