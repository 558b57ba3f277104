using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.SharedKernel;

namespace OneStop.Web.Pages;

/// <summary>The friendly page for errors and unknown addresses; it keeps the status code.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Message { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        if (code is null && HttpContext.Response.StatusCode >= 400)
        {
            status = HttpContext.Response.StatusCode;
        }

        HttpContext.Response.StatusCode = status;
        (Title, Message) = status switch
        {
            404 => (Bilingual.Pick("ไม่พบหน้าที่ต้องการ", "Page not found"), Bilingual.Pick("ที่อยู่นี้อาจพิมพ์ผิด หรือหน้านี้ถูกย้ายไปแล้ว", "The address may be mistyped, or the page has moved.")),
            400 => (Bilingual.Pick("คำขอไม่ถูกต้อง", "The request is not valid"), Bilingual.Pick("โปรดตรวจสอบข้อมูลแล้วลองอีกครั้ง", "Please check what you entered and try again.")),
            401 => (Bilingual.Pick("กรุณาเข้าสู่ระบบ", "Please sign in"), Bilingual.Pick("หน้านี้แสดงข้อมูลส่วนบุคคล ต้องเข้าสู่ระบบด้วย Digital ID ก่อน", "This page shows personal data: sign in with your Digital ID first.")),
            403 => (Bilingual.Pick("ไม่มีสิทธิ์เข้าถึง", "Access denied"), Bilingual.Pick("คุณไม่มีสิทธิ์เปิดหน้านี้", "You do not have permission to open this page.")),
            429 => (Bilingual.Pick("ลองหลายครั้งเกินไป", "Too many attempts"), Bilingual.Pick("กรุณารอหนึ่งนาทีแล้วลองอีกครั้ง", "Please wait a minute and try again.")),
            413 => (Bilingual.Pick("ข้อมูลมีขนาดใหญ่เกินไป", "Too much data"), Bilingual.Pick("ข้อมูลที่ส่งมีขนาดเกิน 1 MB", "What you sent is larger than 1 MB.")),
            _ => (Bilingual.Pick("ขออภัย ระบบขัดข้อง", "Sorry, something went wrong"), Bilingual.Pick("เราบันทึกปัญหาไว้แล้ว โปรดลองอีกครั้งภายหลัง", "The problem has been logged. Please try again later.")),
        };
        TraceId = status >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
