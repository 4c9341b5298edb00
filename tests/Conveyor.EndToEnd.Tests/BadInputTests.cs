namespace Conveyor.EndToEnd.Tests;

/// <summary>Bad submissions get a 400 in seed 003's error shape and store nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class BadInputTests(StackFixture fixture)
{
    const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "empty body", "", "body" },
        { "malformed JSON", "{\"type\": \"x\",", "body" },
        { "not an object", "[1, 2, 3]", "body" },
        { "missing type", $$"""{"binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground"}""", "type" },
        { "missing binary_url", $$"""{"type":"t","binary_sha256":"{{Sha}}","priority":"foreground"}""", "binary_url" },
        { "missing binary_sha256", """{"type":"t","binary_url":"http://127.0.0.1/b","priority":"foreground"}""", "binary_sha256" },
        { "missing priority", $$"""{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}"}""", "priority" },
        { "priority outside the enum", $$"""{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"urgent"}""", "priority" },
        { "type with spaces", $$"""{"type":"data processing","binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground"}""", "type" },
        { "sha256 too short", """{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"abc123","priority":"foreground"}""", "binary_sha256" },
        { "sha256 not hex", $$"""{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"{{new string('z', 64)}}","priority":"foreground"}""", "binary_sha256" },
        { "type is a number", $$"""{"type":42,"binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground"}""", "type" },
        { "arguments not strings", $$"""{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground","arguments":[1]}""", "arguments" },
        { "env_variables not an object", $$"""{"type":"t","binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground","env_variables":["A=1"]}""", "env_variables" },
        { "binary_url not a URL", $$"""{"type":"t","binary_url":"not a url","binary_sha256":"{{Sha}}","priority":"foreground"}""", "binary_url" },
        { "binary_url with another scheme", $$"""{"type":"t","binary_url":"ftp://127.0.0.1/b","binary_sha256":"{{Sha}}","priority":"foreground"}""", "binary_url" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public Task Should_answer_400_and_store_nothing_when_the_body_is_bad(string reason, string body, string field) =>
        BadSubmissions.AssertRejected(fixture, reason, body, field);
}
