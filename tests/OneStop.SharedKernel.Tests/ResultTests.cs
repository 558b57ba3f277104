namespace OneStop.SharedKernel.Tests;

public sealed class ResultTests
{
    [Fact]
    public void Success_Value_IsSuccessWithValueAndNoError()
    {
        var result = Result<int>.Success(42);

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Failure_Error_IsNotSuccessAndCarriesTheError()
    {
        var error = Error.Conflict("licence.duplicate", "Already applied.");

        var result = Result<string>.Failure(error);

        Assert.False(result.IsSuccess);
        Assert.Same(error, result.Error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void ImplicitConversion_FromValueOrError_PicksTheRightCase()
    {
        Result<string> fromValue = "ok";
        Result<string> fromError = Error.Invalid("Name", "Required.");

        Assert.True(fromValue.IsSuccess);
        Assert.Equal("ok", fromValue.Value);
        Assert.False(fromError.IsSuccess);
        Assert.Equal("Name", fromError.Error?.Field);
    }

    [Fact]
    public void ErrorNotFound_WhatAndId_HasStableCodeAndMessage()
    {
        var error = Error.NotFound("agency", "DOPA");

        Assert.Equal("agency.not_found", error.Code);
        Assert.Equal("No agency with code 'DOPA'.", error.Message);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Null(error.Field);
    }

    [Fact]
    public void ErrorInvalid_FieldAndMessage_IsValidationOfThatField()
    {
        var error = Error.Invalid("CitizenId", "The check digit is wrong.");

        Assert.Equal("validation", error.Code);
        Assert.Equal("The check digit is wrong.", error.Message);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("CitizenId", error.Field);
    }

    [Fact]
    public void ErrorConflict_CodeAndMessage_KeepsBothAndHasNoField()
    {
        var error = Error.Conflict("payment.already_paid", "Paid already.");

        Assert.Equal(new Error("payment.already_paid", "Paid already.", ErrorKind.Conflict), error);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Error_WithoutKind_DefaultsToInvalid()
        => Assert.Equal(ErrorKind.Invalid, new Error("x", "y").Kind);
}
