using OneStop.Licensing.Applications;

namespace OneStop.Licensing.Tests.Domain;

public sealed class ReviewWorkflowTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly Due = new(2026, 12, 28);

    /// <summary>A licence reviewed in stages: (stage, role, auto) for each step.</summary>
    private static LicenceRequest Licence(params (int Stage, string Role, bool Auto)[] steps)
    {
        var licence = new LicenceRequest { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), LicenceCode = "food-premises", AgencyCode = "22000000" };
        foreach (var (stage, role, auto) in steps)
        {
            licence.Tasks.Add(new ReviewTask
            {
                Id = Guid.NewGuid(), LicenceRequestId = licence.Id, ApplicationId = licence.ApplicationId, ApplicationNumber = "BIZ-2569-TEST2345",
                LicenceCode = licence.LicenceCode, ApplicantName = "ร้านทดสอบ", Stage = stage, AgencyCode = "22000000", OfficeCode = "22000000-1001",
                Role = role, AutoApprove = auto,
            });
        }

        return licence;
    }

    private static ReviewDecision Approve => new(ReviewOutcome.Approve, null, []);

    [Fact]
    public void Submit_OpensTheFirstStageOnly_AndStartsTheClock()
    {
        var licence = Licence((1, "reviewer", false), (2, "approver", false));
        Assert.True(licence.Submit(Today, Due, Now).IsSuccess);
        Assert.Equal(LicenceStatus.InReview, licence.Status);
        Assert.Equal([ReviewTaskStatus.Open, ReviewTaskStatus.Waiting], licence.Tasks.Select(t => t.Status));
        Assert.All(licence.Tasks, t => Assert.Equal(Due, t.DueOn));
        Assert.Equal(Today, licence.SubmittedOn);
    }

    [Fact]
    public void ParallelStage_OpensTheNextStage_OnlyWhenEveryTaskOfItApproves()
    {
        var licence = Licence((1, "reviewer", false), (1, "officer", false), (2, "approver", false));
        licence.Submit(Today, Due, Now);
        Assert.True(licence.Decide(licence.Tasks[0], Approve, "a", Today, Now).IsSuccess);
        Assert.Equal(ReviewTaskStatus.Waiting, licence.Tasks[2].Status);
        Assert.True(licence.Decide(licence.Tasks[1], Approve, "b", Today, Now).IsSuccess);
        Assert.Equal(ReviewTaskStatus.Open, licence.Tasks[2].Status);
        Assert.Equal(LicenceStatus.InReview, licence.Status);
        Assert.Equal(LicenceStatus.Approved, licence.Decide(licence.Tasks[2], Approve, "c", Today, Now).Value);
        Assert.Equal(Now, licence.DecidedAt);
    }

    [Fact]
    public void AutomaticSteps_ApproveThemselves_AndALicenceOfOnlyAutomaticStepsIsApprovedOnSubmission()
    {
        var partly = Licence((1, "officer", true), (2, "approver", false));
        partly.Submit(Today, Due, Now);
        Assert.Equal([ReviewTaskStatus.Approved, ReviewTaskStatus.Open], partly.Tasks.Select(t => t.Status));
        Assert.Equal("system", partly.Tasks[0].DecidedBy);

        var automatic = Licence((1, "officer", true));
        automatic.Submit(Today, Due, Now);
        Assert.Equal(LicenceStatus.Approved, automatic.Status);
    }

    [Fact]
    public void SendBack_StopsTheClock_MarksTheFields_AndResubmissionReopensOnlyTheTaskThatSentItBack()
    {
        var licence = Licence((1, "reviewer", false), (1, "officer", false));
        licence.Submit(Today, Due, Now);
        var sent = licence.Decide(licence.Tasks[0], new ReviewDecision(ReviewOutcome.SendBack, "ที่นั่งไม่ตรงกับแบบแปลน", ["seats", "floor_plan"]), "a", Today.AddDays(2), Now);
        Assert.Equal(LicenceStatus.WaitingForApplicant, sent.Value);
        Assert.Equal(Today.AddDays(2), licence.PausedOn);
        Assert.Equal(["seats", "floor_plan"], licence.Marked);
        Assert.False(licence.IsOverdue(Due.AddDays(10)));

        // The parallel reviewer may still decide while the applicant corrects.
        Assert.True(licence.Decide(licence.Tasks[1], Approve, "b", Today.AddDays(3), Now).IsSuccess);
        Assert.Equal(LicenceStatus.WaitingForApplicant, licence.Status);

        Assert.True(licence.Resubmit(3, Due.AddDays(3)).IsSuccess);
        Assert.Equal(LicenceStatus.InReview, licence.Status);
        Assert.Equal([ReviewTaskStatus.Open, ReviewTaskStatus.Approved], licence.Tasks.Select(t => t.Status));
        Assert.Equal(3, licence.StoppedWorkingDays);
        Assert.Equal(Due.AddDays(3), licence.DueOn);
        Assert.Null(licence.PausedOn);
        Assert.Empty(licence.Marked);
        Assert.True(licence.IsOverdue(Due.AddDays(4)));
        Assert.False(licence.IsOverdue(Due.AddDays(3)));
    }

    [Fact]
    public void Reject_DecidesTheLicence_AndCancelsTheStepsNotDone()
    {
        var licence = Licence((1, "reviewer", false), (1, "officer", false), (2, "approver", false));
        licence.Submit(Today, Due, Now);
        var rejected = licence.Decide(licence.Tasks[1], new ReviewDecision(ReviewOutcome.Reject, "ทำเลอยู่ในเขตห้ามจำหน่ายสุรา", []), "b", Today, Now);
        Assert.Equal(LicenceStatus.Rejected, rejected.Value);
        Assert.Equal("ทำเลอยู่ในเขตห้ามจำหน่ายสุรา", licence.Reason);
        Assert.Equal([ReviewTaskStatus.Cancelled, ReviewTaskStatus.Rejected, ReviewTaskStatus.Cancelled], licence.Tasks.Select(t => t.Status));
    }

    [Fact]
    public void ADecidedTask_CannotBeDecidedAgain()
    {
        var licence = Licence((1, "reviewer", false), (2, "approver", false));
        licence.Submit(Today, Due, Now);
        licence.Decide(licence.Tasks[0], Approve, "a", Today, Now);
        var again = licence.Decide(licence.Tasks[0], new ReviewDecision(ReviewOutcome.Reject, "no", []), "a", Today, Now);
        Assert.False(again.IsSuccess);
        Assert.Equal("review_task.reject.not_allowed", again.Error!.Code);
        Assert.Equal(ReviewTaskStatus.Approved, licence.Tasks[0].Status);
        Assert.Equal(LicenceStatus.InReview, licence.Status);
    }

    [Fact]
    public void AClaimedTask_IsDecidedOnlyByWhoeverClaimedIt_AndClaimingOnesOwnAgainChangesNothing()
    {
        var licence = Licence((1, "reviewer", false));
        licence.Submit(Today, Due, Now);
        var task = licence.Tasks[0];
        Assert.True(task.Claim("a", "Officer A").IsSuccess);
        var version = task.Version;
        Assert.True(task.Claim("a", "Officer A").IsSuccess);
        Assert.Equal(version, task.Version);
        Assert.Equal("review_task.claimed_by_another", task.Claim("b", "Officer B").Error!.Code);
        Assert.Equal("review_task.claimed_by_another", licence.Decide(task, Approve, "b", Today, Now).Error!.Code);
        Assert.True(task.Release("a").IsSuccess);
        Assert.Null(task.ClaimedBy);
        Assert.True(licence.Decide(task, Approve, "b", Today, Now).IsSuccess);
    }

    [Fact]
    public void EveryChange_MovesTheVersion()
    {
        var licence = Licence((1, "reviewer", false));
        licence.Submit(Today, Due, Now);
        var task = licence.Tasks[0];
        var before = task.Version;
        task.Claim("a", "A");
        Assert.Equal(before + 1, task.Version);
        licence.Decide(task, Approve, "a", Today, Now);
        Assert.Equal(before + 2, task.Version);
    }

    [Fact]
    public void TheTransitionTables_RefuseWhatTheyDoNotName()
    {
        Assert.False(LicenceRequest.Flow.Allows(LicenceStatus.Draft, LicenceTrigger.Approve));
        Assert.False(LicenceRequest.Flow.Allows(LicenceStatus.Approved, LicenceTrigger.Reject));
        Assert.False(LicenceRequest.Flow.Allows(LicenceStatus.WaitingForApplicant, LicenceTrigger.Approve));
        Assert.True(LicenceRequest.Flow.Allows(LicenceStatus.WaitingForApplicant, LicenceTrigger.Reject));
        Assert.False(ReviewTask.Flow.Allows(ReviewTaskStatus.Waiting, ReviewTaskTrigger.Approve));
        Assert.False(ReviewTask.Flow.Allows(ReviewTaskStatus.Cancelled, ReviewTaskTrigger.Reopen));
        Assert.False(LicenceApplication.Flow.Allows(ApplicationStatus.InReview, ApplicationTrigger.Submit));
        var refused = LicenceRequest.Flow.Fire(LicenceStatus.Approved, LicenceTrigger.SendBack);
        Assert.Equal("licence.send-back.not_allowed", refused.Error!.Code);
        Assert.Contains("approved", refused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheApplication_FollowsItsLicences_AndOnlyMarkedFieldsStayEditable()
    {
        var food = Licence((1, "reviewer", false));
        var vat = Licence((1, "officer", true));
        var application = new LicenceApplication
        {
            Id = Guid.NewGuid(), Number = "BIZ-2569-TEST2345", BusinessTypeCode = "restaurant", ApplicantCitizenId = "1999900000013", ApplicantName = "ทดสอบ",
            ProvinceCode = "10", CreatedBy = "citizen", Licences = [food, vat],
        };
        Assert.Null(application.EditableFields());
        application.Submit(Now);
        food.Submit(Today, Due, Now);
        vat.Submit(Today, Due, Now);
        application.Refresh();
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Empty(application.EditableFields()!);

        food.Decide(food.Tasks[0], new ReviewDecision(ReviewOutcome.SendBack, null, ["seats"]), "a", Today, Now);
        application.Refresh();
        Assert.Equal(ApplicationStatus.ActionRequired, application.Status);
        Assert.Equal(["seats"], application.EditableFields()!);

        food.Resubmit(0, Due);
        food.Decide(food.Tasks[0], Approve, "a", Today, Now);
        application.Refresh();
        Assert.Equal(ApplicationStatus.Completed, application.Status);
    }
}
