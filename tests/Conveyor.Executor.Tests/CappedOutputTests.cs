using Conveyor.Executor.Runtimes.Output;

namespace Conveyor.Executor.Tests;

public sealed class CappedOutputTests
{
    [Fact]
    public void Should_keep_everything_when_the_output_fits()
    {
        var output = new CappedOutput();
        output.Append("hello\n");
        output.Append("world");

        Assert.Equal("hello\nworld", output.ToString());
        Assert.False(output.Truncated);
    }

    [Fact]
    public void Should_keep_the_head_and_the_tail_around_a_marker_when_the_output_is_too_long()
    {
        var output = new CappedOutput();
        output.Append("HEAD");
        for (var i = 0; i < 300; i++)
            output.Append(new string('x', 10_000));
        output.Append("TAIL");

        var text = output.ToString();
        var dropped = 4 + 300 * 10_000 + 4 - CappedOutput.Limit;
        Assert.True(output.Truncated);
        Assert.StartsWith("HEAD", text);
        Assert.EndsWith("xTAIL", text);
        Assert.Contains($"\n... [truncated {dropped} characters] ...\n", text);
        Assert.Equal(CappedOutput.Limit, text.Replace($"\n... [truncated {dropped} characters] ...\n", "").Length);
    }
}
