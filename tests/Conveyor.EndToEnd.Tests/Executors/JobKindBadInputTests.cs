namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>Bad container and pipeline submissions get a 400 naming the field (nested fields by path) and store nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class JobKindBadInputTests(StackFixture fixture)
{
    const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const string Binary = $$"""{"binary_url":"http://127.0.0.1/b","binary_sha256":"{{Sha}}"}""";

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "unknown kind", """{"type":"t","kind":"wasm","priority":"foreground"}""", "kind" },
        { "container without image", """{"type":"t","kind":"container","priority":"foreground"}""", "image" },
        { "image with spaces", """{"type":"t","kind":"container","image":"my image","priority":"foreground"}""", "image" },
        { "container with arguments", """{"type":"t","kind":"container","image":"busybox","arguments":["x"],"priority":"foreground"}""", "arguments" },
        { "cmd not strings", """{"type":"t","kind":"container","image":"busybox","cmd":[1],"priority":"foreground"}""", "cmd" },
        { "relative work_dir", """{"type":"t","kind":"container","image":"busybox","work_dir":"work","priority":"foreground"}""", "work_dir" },
        { "gpu as text", """{"type":"t","kind":"container","image":"busybox","gpu":"yes","priority":"foreground"}""", "gpu" },
        { "port out of range", """{"type":"t","kind":"container","image":"busybox","exposed_port":70000,"priority":"foreground"}""", "exposed_port" },
        { "pipeline without steps", """{"type":"t","kind":"pipeline","priority":"foreground"}""", "steps" },
        { "pipeline with no steps", """{"type":"t","kind":"pipeline","steps":[],"priority":"foreground"}""", "steps" },
        { "pipeline with too many steps", $$"""{"type":"t","kind":"pipeline","steps":[{{string.Join(",", Enumerable.Repeat(Binary, 17))}}],"priority":"foreground"}""", "steps" },
        { "step not an object", """{"type":"t","kind":"pipeline","steps":["echo"],"priority":"foreground"}""", "steps[0]" },
        { "step that is a pipeline", """{"type":"t","kind":"pipeline","steps":[{"kind":"pipeline"}],"priority":"foreground"}""", "steps[0].kind" },
        { "binary step without sha256", $$"""{"type":"t","kind":"pipeline","steps":[{{Binary}},{"binary_url":"http://127.0.0.1/b"}],"priority":"foreground"}""", "steps[1].binary_sha256" },
        { "container step without image", """{"type":"t","kind":"pipeline","steps":[{"kind":"container"}],"priority":"foreground"}""", "steps[0].image" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public Task Should_answer_400_naming_the_field_and_store_nothing_when_a_container_or_pipeline_is_bad(string reason, string body, string field) =>
        BadSubmissions.AssertRejected(fixture, reason, body, field);
}
