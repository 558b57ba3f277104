using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.Testing;

namespace OneStop.Agencies.Tests.Http;

public sealed class HolidaysApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient anonymous = app.CreateClient();
    private readonly HttpClient admin = app.CreateClientWithRoles(Roles.Admin);

    // Each test uses its own far-future date so tests never see each other's holidays.
    private static DateOnly UniqueDate(int day) => new(2099, 1 + (day % 12), 1 + (day % 28));

    [Fact]
    public async Task ListHolidays_2025_ContainsSongkranAndItsSubstitutionDay()
    {
        var holidays = await anonymous.GetFromJsonOrFailAsync("/api/agencies/holidays?year=2025");
        var dates = holidays.EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();
        Assert.Contains("2025-04-13", dates);
        Assert.Contains("2025-04-16", dates);
        Assert.Contains(holidays.EnumerateArray(), h => h.GetProperty("kind").GetString() == "Substitution");
    }

    [Fact]
    public async Task ListHolidays_YearOutOfRange_Is400NamingYear()
    {
        var problem = await (await anonymous.GetAsync(new Uri("/api/agencies/holidays?year=1800", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("year"));
    }

    [Fact]
    public async Task AddHoliday_Anonymous_Is401AndNothingIsStored()
    {
        var date = UniqueDate(1);
        var response = await anonymous.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันทดสอบ", nameEn = "Test day" });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(await HolidayExistsAsync(date));
    }

    [Fact]
    public async Task AddHoliday_NotAnAdmin_Is403()
    {
        var officer = app.CreateClientWithRoles("Officer");
        var response = await officer.PostAsJsonAsync("/api/agencies/holidays", new { date = UniqueDate(2), nameTh = "วันทดสอบ", nameEn = "Test day" });
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddHoliday_Admin_IsCreatedListedAndAnnouncedThroughTheOutbox()
    {
        var date = new DateOnly(2098, 6, 15);
        var response = await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันพิเศษ", nameEn = "Special day", kind = "Special" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/agencies/holidays/2098-06-15", response.Headers.Location?.ToString());

        var listed = await anonymous.GetFromJsonOrFailAsync("/api/agencies/holidays?year=2098");
        Assert.Contains(listed.EnumerateArray(), h => h.GetProperty("date").GetString() == "2098-06-15" && h.GetProperty("nameTh").GetString() == "วันพิเศษ");

        var events = await app.WithScopeAsync(async s => await s.GetRequiredService<AgenciesDbContext>().OutboxMessages
            .Where(m => m.Type.StartsWith("OneStop.Agencies.Contracts.HolidayAdded")).Select(m => m.Payload).ToListAsync());
        Assert.Contains(events, p => p.Contains("2098-06-15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddHoliday_SameRequestTwice_SecondIs200AndStoresOnce()
    {
        var date = UniqueDate(3);
        var body = new { date, nameTh = "วันซ้ำ", nameEn = "Repeated day", kind = "Special" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/agencies/holidays", body)).StatusCode);
        var again = await admin.PostAsJsonAsync("/api/agencies/holidays", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var count = await app.WithScopeAsync(s => s.GetRequiredService<AgenciesDbContext>().Holidays.CountAsync(h => h.Date == date));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task AddHoliday_DifferentHolidayOnTheSameDate_Is409()
    {
        var date = UniqueDate(4);
        await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันแรก", nameEn = "First" });
        var response = await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันที่สอง", nameEn = "Second" });
        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AddHoliday_ImpossibleDate_Is400NamingDate()
    {
        using var content = new StringContent("""{"date":"2025-02-30","nameTh":"วัน","nameEn":"Day"}""", System.Text.Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("date"));
    }

    [Fact]
    public async Task AddHoliday_UnknownKind_Is400NamingKind()
    {
        using var content = new StringContent("""{"date":"2099-03-03","nameTh":"วัน","nameEn":"Day","kind":"Birthday"}""", System.Text.Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync(new Uri("/api/agencies/holidays", UriKind.Relative), content)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("kind"));
        Assert.False(await HolidayExistsAsync(new DateOnly(2099, 3, 3)));
    }

    [Fact]
    public async Task AddHoliday_MissingEnglishName_Is400NamingIt()
    {
        var problem = await (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date = UniqueDate(5), nameTh = "วันหนึ่ง" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("NameEn"));
    }

    [Fact]
    public async Task AddHoliday_YearOutOfRange_Is400NamingDate()
    {
        var problem = await (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date = new DateOnly(1990, 1, 1), nameTh = "วันเก่า", nameEn = "Old day" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("Date"));
    }

    [Fact]
    public async Task RemoveHoliday_Existing_Is204ThenGone_AndRemovingItAgainIs204()
    {
        var date = UniqueDate(6);
        await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันชั่วคราว", nameEn = "Temporary day" });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/agencies/holidays/{date:yyyy-MM-dd}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/agencies/holidays/{date:yyyy-MM-dd}", UriKind.Relative))).StatusCode);
        await (await anonymous.GetAsync(new Uri($"/api/agencies/holidays/{date:yyyy-MM-dd}", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveHoliday_ManyAtOnce_AllAre204AndOneRemovalIsAnnounced()
    {
        var date = UniqueDate(7);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันชั่วคราว", nameEn = "Temporary day" })).StatusCode);

        var responses = await AtOnceAsync(() => admin.DeleteAsync(new Uri($"/api/agencies/holidays/{date:yyyy-MM-dd}", UriKind.Relative)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.False(await HolidayExistsAsync(date));
        var removals = await app.WithScopeAsync(s => s.GetRequiredService<AgenciesDbContext>().OutboxMessages
            .CountAsync(m => m.Type.StartsWith("OneStop.Agencies.Contracts.HolidayRemoved") && m.Payload.Contains(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        Assert.Equal(1, removals);
    }

    [Fact]
    public async Task AddHoliday_ManyAtOnce_OneIsCreatedTheOthersAnswer200WithIt()
    {
        var date = UniqueDate(8);

        var responses = await AtOnceAsync(() => admin.PostAsJsonAsync("/api/agencies/holidays", new { date, nameTh = "วันพร้อมกัน", nameEn = "Same-time day" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.True(await HolidayExistsAsync(date));
    }

    [Fact]
    public async Task RemoveHoliday_BadDate_Is400()
        => await (await admin.DeleteAsync(new Uri("/api/agencies/holidays/2025-13-01", UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task WorkingDaysAdd_AcrossSongkran2025_SkipsHolidays()
    {
        var result = await anonymous.GetFromJsonOrFailAsync("/api/agencies/working-days/add?from=2025-04-10&days=5");
        Assert.Equal("2025-04-22", result.GetProperty("due").GetString());
    }

    [Fact]
    public async Task WorkingDaysCount_AcrossSongkran2025_CountsWorkingDays()
    {
        var result = await anonymous.GetFromJsonOrFailAsync("/api/agencies/working-days/count?from=2025-04-10&to=2025-04-22");
        Assert.Equal(5, result.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("/api/agencies/working-days/add?from=2025-02-30&days=1", "from")]
    [InlineData("/api/agencies/working-days/add?from=2025-02-03&days=-1", "days")]
    [InlineData("/api/agencies/working-days/add?from=2025-02-03", "days")]
    [InlineData("/api/agencies/working-days/count?from=2025-02-03&to=tomorrow", "to")]
    public async Task WorkingDays_BadInput_Is400NamingTheField(string url, string field)
    {
        var problem = await (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    /// <summary>Sends 24 requests at once, each from a thread of its own.</summary>
    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var sending = Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await send();
        })).ToList();
        start.Set();
        return await Task.WhenAll(sending);
    }

    private Task<bool> HolidayExistsAsync(DateOnly date)
        => app.WithScopeAsync(s => s.GetRequiredService<AgenciesDbContext>().Holidays.AnyAsync(h => h.Date == date));
}
