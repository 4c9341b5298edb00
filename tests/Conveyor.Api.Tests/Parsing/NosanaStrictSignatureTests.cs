using System.Text;
using Conveyor.Api.Endpoints.Nosana;
using NSec.Cryptography;
using SimpleBase;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>The strict mode: each request signs its method, path, body, time and a nonce, and a replay is refused.</summary>
public sealed class NosanaStrictSignatureTests : IDisposable
{
    static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    readonly Key key = Key.Create(SignatureAlgorithm.Ed25519);
    readonly NosanaStrictSignature strict = new(new FixedClock(Now));
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"jobDefinition":{}}""");

    string Address => Base58.Bitcoin.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    string Header(string method, string path, byte[] body, string timestamp, string nonce) =>
        $"{Address}:{Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(NosanaStrictSignature.Canonical(method, path, body, timestamp, nonce))))}";

    static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString();

    [Fact]
    public void Should_spell_the_canonical_string_as_documented()
    {
        Assert.Equal("POST\n/job-definition/a\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n1764676800000\nn-1",
            NosanaStrictSignature.Canonical("post", "/job-definition/a", [], "1764676800000", "n-1"));
    }

    [Fact]
    public void Should_accept_a_request_signed_over_itself_once_and_refuse_its_replay()
    {
        var header = Header("POST", "/job-definition/a", Body, Millis(Now), "nonce-1");

        var first = strict.Check(header, "POST", "/job-definition/a", Body, Millis(Now), "nonce-1", Skew, out var address);
        var replay = strict.Check(header, "POST", "/job-definition/a", Body, Millis(Now), "nonce-1", Skew, out _);

        Assert.Null(first);
        Assert.Equal(Address, address);
        Assert.Equal((403, NosanaSignature.Invalid), replay);
    }

    [Fact]
    public void Should_refuse_a_signature_for_another_body_path_or_method()
    {
        var header = Header("POST", "/job-definition/a", Body, Millis(Now), "nonce-2");

        Assert.Equal((403, NosanaSignature.Invalid), strict.Check(header, "POST", "/job-definition/a", [.. Body, 32], Millis(Now), "nonce-2", Skew, out _));
        Assert.Equal((403, NosanaSignature.Invalid), strict.Check(header, "POST", "/job-definition/b", Body, Millis(Now), "nonce-2", Skew, out _));
        Assert.Equal((403, NosanaSignature.Invalid), strict.Check(header, "GET", "/job-definition/a", Body, Millis(Now), "nonce-2", Skew, out _));
    }

    [Fact]
    public void Should_refuse_a_timestamp_outside_the_skew_window()
    {
        var old = Millis(Now - Skew - TimeSpan.FromSeconds(1));
        var header = Header("GET", "/job-definition/a", [], old, "nonce-3");

        Assert.Equal((403, NosanaSignature.Invalid), strict.Check(header, "GET", "/job-definition/a", [], old, "nonce-3", Skew, out _));
    }

    [Theory]
    [InlineData(null, "n")]
    [InlineData("", "n")]
    [InlineData("not-a-number", "n")]
    [InlineData("1764676800000", null)]
    [InlineData("1764676800000", "")]
    public void Should_refuse_a_request_without_its_timestamp_or_nonce_as_a_bad_format(string? timestamp, string? nonce)
    {
        var header = Header("GET", "/x", [], timestamp ?? "", nonce ?? "");

        Assert.Equal((400, NosanaSignature.BadFormat), strict.Check(header, "GET", "/x", [], timestamp, nonce, Skew, out _));
    }

    public void Dispose() => key.Dispose();

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
