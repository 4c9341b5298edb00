using Conveyor.Executor.Attempts;

namespace Conveyor.Executor.Tests;

/// <summary>Which stdout counts as one JSON value, for pipeline steps whose output must be JSON (Infernet containers).</summary>
public sealed class JsonOutputTests
{
    [Theory]
    [InlineData("{\"a\":1}\n", true)]
    [InlineData("  [1, 2]  ", true)]
    [InlineData("\"text\"", true)]
    [InlineData("42", true)]
    [InlineData("", false)]
    [InlineData("plain words\n", false)]
    [InlineData("{\"a\":1}{\"b\":2}", false)]
    [InlineData("{\"a\":", false)]
    public void Should_accept_exactly_one_json_value(string stdout, bool json) => Assert.Equal(json, JsonOutput.IsJson(stdout));
}
