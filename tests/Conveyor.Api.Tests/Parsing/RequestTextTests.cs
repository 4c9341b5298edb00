using Conveyor.Api.Http;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>Text PostgreSQL cannot store is refused as input, before it can fail in the database.</summary>
public sealed class RequestTextTests
{
    // Built and enumerated at run time: a lone surrogate would not survive an attribute or xUnit's serialized test cases.
    public static TheoryData<string, bool> Texts => new()
    {
        { "plain", true },
        { "emoji " + char.ConvertFromUtf32(0x1F600) + " pair", true },
        { "nul " + '\0' + " inside", false },
        { "lone high " + (char)0xD800, false },
        { "lone low " + (char)0xDC00 + " first", false },
        { "reversed " + (char)0xDC00 + (char)0xD800, false },
    };

    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)]
    public void Should_accept_only_text_the_database_can_store(string text, bool storable) =>
        Assert.Equal(storable, StorableText.IsStorable(text));

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: x\r\nServer: Kestrel\r\n\r\n", true)]
    [InlineData("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", true)]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 58\r\nConnection: close\r\n\r\n", false)]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", false)]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n{}", false)]
    public void Should_reshape_only_kestrels_own_empty_refusals(string response, bool shaped)
    {
        Assert.Equal(shaped, RejectionShape.TryShape(System.Text.Encoding.ASCII.GetBytes(response), out var bytes));
        if (!shaped)
            return;
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var error = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.StartsWith("the server could not read the request", (string?)error["error"]);
        Assert.Contains($"Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n", text);
    }
}
