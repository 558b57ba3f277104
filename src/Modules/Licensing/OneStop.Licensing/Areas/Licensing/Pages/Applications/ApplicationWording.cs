using OneStop.Licensing.Applications;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>How the applicant's pages say statuses and history, in people's words.</summary>
internal static class ApplicationWording
{
    public static string Status(string status) => status switch
    {
        "draft" => Bilingual.Pick("ยังไม่ได้ยื่น", "Not submitted yet"),
        "in-review" => Bilingual.Pick("อยู่ระหว่างพิจารณา", "Being reviewed"),
        "action-required" or "waiting-for-applicant" => Bilingual.Pick("รอคุณแก้ไข", "Waiting for you to correct"),
        "completed" => Bilingual.Pick("พิจารณาเสร็จแล้ว", "Decided"),
        "approved" => Bilingual.Pick("อนุมัติแล้ว", "Approved"),
        "rejected" => Bilingual.Pick("ไม่อนุมัติ", "Not approved"),
        _ => status,
    };

    public static string Event(EventView e, Func<string, string> licenceName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var licence = e.LicenceCode is { } code ? licenceName(code) : string.Empty;
        return e.Kind switch
        {
            "created" => e.Actor == "counter" ? Bilingual.Pick("เจ้าหน้าที่เคาน์เตอร์เริ่มคำขอให้คุณ", "Counter staff started the application for you") : Bilingual.Pick("คุณเริ่มคำขอ", "You started the application"),
            "prefilled" => Bilingual.Pick("ดึงข้อมูลจากทะเบียนของรัฐแทนการแนบสำเนา", "Data was read from the state's registries instead of copies"),
            "submitted" => Bilingual.Pick("ยื่นคำขอแล้ว", "The application was submitted"),
            "routed" => Bilingual.Pick($"ส่ง {licence} ไปยังหน่วยงานที่พิจารณา", $"{licence} was sent to the reviewing office"),
            "claimed" => Bilingual.Pick($"{e.Actor} รับเรื่อง {licence}", $"{e.Actor} took up {licence}"),
            "viewed" => Bilingual.Pick($"{e.Actor} เปิดดูคำขอ ({licence})", $"{e.Actor} opened the application ({licence})"),
            "answer-changed" => Bilingual.Pick($"แจ้ง{licence}ว่าคำตอบที่ใช้ร่วมกันถูกแก้ไข", $"{licence} was told a shared answer was corrected"),
            "approved" => Bilingual.Pick($"{e.Actor} เห็นชอบขั้นตอนของ {licence}", $"{e.Actor} approved a step of {licence}"),
            "sent-back" => Bilingual.Pick($"{e.Actor} ขอให้แก้ไข {licence}", $"{e.Actor} asked for corrections to {licence}"),
            "rejected" => Bilingual.Pick($"{e.Actor} ไม่เห็นชอบ {licence}", $"{e.Actor} refused {licence}"),
            "resubmitted" => Bilingual.Pick($"ส่งคำขอ {licence} ที่แก้ไขแล้ว", $"The corrected {licence} was sent back"),
            "licence-approved" => Bilingual.Pick($"{licence} ได้รับอนุมัติ", $"{licence} was approved"),
            "licence-rejected" => Bilingual.Pick($"{licence} ไม่ได้รับอนุมัติ", $"{licence} was not approved"),
            _ => e.Kind,
        };
    }
}
