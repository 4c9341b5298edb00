using System.Net;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;

namespace Conveyor.Notifications.Tests;

/// <summary>Which subscription URLs and connect addresses are refused. Only strings are classified here: nothing is contacted.</summary>
public sealed class WebhookTargetPolicyTests
{
    static readonly WebhookTargetOptions Strict = new();

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.9.9.9:8080/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    public void Should_refuse_a_loopback_url_when_loopback_is_not_allowed(string url)
    {
        Assert.NotNull(WebhookTargetPolicy.Refusal(url, Strict));
        Assert.Null(WebhookTargetPolicy.Refusal(url, new WebhookTargetOptions { AllowLoopback = true }));
    }

    [Theory]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://172.31.255.255/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    public void Should_refuse_a_private_range_url_unless_private_networks_are_allowed(string url)
    {
        Assert.NotNull(WebhookTargetPolicy.Refusal(url, Strict));
        Assert.NotNull(WebhookTargetPolicy.Refusal(url, new WebhookTargetOptions { AllowLoopback = true }));
        Assert.Null(WebhookTargetPolicy.Refusal(url, new WebhookTargetOptions { AllowPrivateNetworks = true }));
    }

    [Theory]
    [InlineData("https://hooks.example.com/conveyor")]
    [InlineData("http://93.184.216.34:8443/hook")]
    [InlineData("http://172.32.0.1/hook")]
    [InlineData("http://100.128.0.1/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public void Should_accept_a_public_url_when_nothing_is_allowed_beyond_the_defaults(string url) =>
        Assert.Null(WebhookTargetPolicy.Refusal(url, Strict));

    [Theory]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("https://user:password@hooks.example.com/x")]
    public void Should_refuse_a_url_that_is_not_plain_http_or_https(string url) =>
        Assert.NotNull(WebhookTargetPolicy.Refusal(url, new WebhookTargetOptions { AllowLoopback = true, AllowPrivateNetworks = true }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("::1")]
    public void Should_refuse_the_connection_when_a_host_name_resolves_to_a_refused_address(string resolved) =>
        Assert.NotNull(WebhookTargetPolicy.AddressRefusal(IPAddress.Parse(resolved), Strict));
}
