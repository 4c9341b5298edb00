using System.Text.Json;
using Conveyor.Api.Endpoints.V1.ExecutorWork;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>A polling executor's claim and reports: its id is checked before anything reaches the database.</summary>
public sealed class ExecutorRequestParserTests
{
    static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Should_read_a_claim_with_its_defaults()
    {
        Assert.True(ExecutorRequestParser.TryClaim(Json("""{"executor_id":"vm-1"}"""), "10.0.0.9", out var claim, out _));

        Assert.Equal(("vm-1", "10.0.0.9", "cpu"), (claim.ExecutorId, claim.ExecutorIp, claim.Pool));
        Assert.Equal([JobKind.Binary], claim.Kinds);
    }

    [Theory]
    [InlineData("""{"executor_id":true}""", "executor_id")]
    [InlineData("""{"executor_id":""}""", "executor_id")]
    [InlineData("""{"executor_id":"has space"}""", "executor_id")]
    [InlineData("""{"executor_id":"vm","pool":""}""", "pool")]
    [InlineData("""{"executor_id":"vm","kinds":["vm"]}""", "kinds")]
    [InlineData("""{"executor_id":"vm","kinds":[]}""", "kinds")]
    [InlineData("""[]""", "body")]
    public void Should_refuse_a_bad_claim_naming_its_field(string body, string field)
    {
        Assert.False(ExecutorRequestParser.TryClaim(Json(body), "127.0.0.1", out _, out var error));

        Assert.Equal((400, field), (ParsedError.Of(error).Status, ParsedError.Of(error).Field));
    }

    [Fact]
    public void Should_refuse_an_executor_id_longer_than_its_limit()
    {
        var id = new string('x', ExecutorRequestParser.MaxExecutorIdLength + 1);

        Assert.False(ExecutorRequestParser.TryReport(Json($$"""{"executor_id":"{{id}}"}"""), out _, out var error));
        Assert.Equal("executor_id", ParsedError.Of(error).Field);
    }

    [Theory]
    [InlineData("""{"executor_id":"vm","exit_code":"0"}""", "exit_code")]
    [InlineData("""{"executor_id":"vm","exit_code":1.5}""", "exit_code")]
    [InlineData("""{"executor_id":"vm","retryable":"no"}""", "retryable")]
    [InlineData("""{"executor_id":"vm","stdout":7}""", "stdout")]
    public void Should_refuse_a_bad_report_naming_its_field(string body, string field)
    {
        Assert.False(ExecutorRequestParser.TryReport(Json(body), out _, out var error));

        Assert.Equal(field, ParsedError.Of(error).Field);
    }
}
