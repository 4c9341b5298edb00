using Conveyor.Notifications.Webhooks;

namespace Conveyor.Notifications.Tests;

public sealed class RetryBackoffTests
{
    static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan Cap = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(30, 1000)]
    public void Should_wait_between_half_and_all_of_the_doubled_delay_when_a_try_failed(int attemptsMade, int ceilingMs)
    {
        var delays = Enumerable.Range(0, 200).Select(_ => RetryBackoff.Delay(attemptsMade, Base, Cap, retryAfter: null).TotalMilliseconds).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, ceilingMs / 2.0, ceilingMs));
        Assert.True(delays.Distinct().Count() > 1, "the delays carry no jitter");
    }

    [Fact]
    public void Should_wait_as_long_as_the_receiver_asks_when_it_sends_a_longer_retry_after() =>
        Assert.Equal(TimeSpan.FromMilliseconds(700), RetryBackoff.Delay(1, Base, Cap, TimeSpan.FromMilliseconds(700)));

    [Fact]
    public void Should_keep_to_the_cap_when_the_receiver_asks_for_longer() =>
        Assert.Equal(Cap, RetryBackoff.Delay(1, Base, Cap, TimeSpan.FromHours(1)));
}
