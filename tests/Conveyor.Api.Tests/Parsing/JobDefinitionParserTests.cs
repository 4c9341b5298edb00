using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Jobs.Parsing;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>The native job format, read without a server: what a valid body becomes, and which field a bad one names.</summary>
public sealed class JobDefinitionParserTests
{
    const string Sha = "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef";

    static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Should_read_a_seed_003_binary_job_with_the_sha256_in_lower_case()
    {
        var body = Json($$$"""
            {"type":"resize","binary_url":"https://example.com/b","binary_sha256":"{{{Sha}}}","priority":"best_effort",
             "arguments":["-v"],"env_variables":{"A":"1"},"timeout_seconds":30,"max_attempts":3,"retry_on_failure":true,
             "resources":{"cpu":0.5,"memory_mb":64}}
            """);

        Assert.True(JobDefinitionParser.TryParse(body, out var job, out _));

        Assert.Equal(("resize", JobKind.Binary, JobPriority.BestEffort), (job.Type, job.Kind, job.Priority));
        Assert.Equal(Sha.ToLowerInvariant(), job.BinarySha256);
        Assert.Equal(["-v"], job.Arguments);
        Assert.Equal("1", job.EnvVariables["A"]);
        Assert.Equal((30, 3, true), (job.TimeoutSeconds, job.MaxAttempts, job.RetryOnFailure));
        Assert.Equal(64, job.Resources.MemoryMb);
    }

    [Fact]
    public void Should_read_a_container_job_and_route_it_by_the_gpus_its_container_asks_for()
    {
        var body = Json("""
            {"type":"train","kind":"container","image":"registry.example/ml/train:1","cmd":["python","t.py"],"gpu":2,
             "priority":"background"}
            """);

        Assert.True(JobDefinitionParser.TryParse(body, out var job, out _));

        Assert.Equal(JobKind.Container, job.Kind);
        Assert.Equal("registry.example/ml/train:1", job.Container!.Image);
        Assert.Equal(["python", "t.py"], job.Container.Cmd);
        Assert.Equal(2, job.Resources.Gpu);
    }

    [Fact]
    public void Should_give_every_pipeline_step_the_jobs_environment_beneath_its_own()
    {
        var body = Json($$$"""
            {"type":"etl","kind":"pipeline","priority":"foreground","env_variables":{"A":"job","B":"job"},"input":{"n":1},
             "steps":[{"binary_url":"https://example.com/x","binary_sha256":"{{{Sha}}}","env_variables":{"B":"step"}},
                      {"kind":"container","image":"busybox","name":"last"}]}
            """);

        Assert.True(JobDefinitionParser.TryParse(body, out var job, out _));

        Assert.Equal(2, job.Steps.Count);
        Assert.Equal(("job", "step"), (job.Steps[0].Binary!.EnvVariables["A"], job.Steps[0].Binary!.EnvVariables["B"]));
        Assert.Equal(("step-1", "last"), (job.Steps[0].Name, job.Steps[1].Name));
        Assert.Equal("{\"n\":1}", job.Input);
    }

    [Fact]
    public void Should_keep_a_data_jobs_payload_as_sent_for_the_node_that_claims_it()
    {
        var body = Json("""{"type":"render","kind":"data","data":{"prompt":"fox","steps":[1,2]},"priority":"foreground"}""");

        Assert.True(JobDefinitionParser.TryParse(body, out var job, out _));

        Assert.Equal((JobKind.Data, "{\"prompt\":\"fox\",\"steps\":[1,2]}"), (job.Kind, job.Input));
        Assert.Equal("", job.BinaryUrl);
    }

    public static TheoryData<string, string> BadJobs => new()
    {
        { "[]", "body" },
        { """{"binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground"}""", "type" },
        { """{"type":"a b","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground"}""", "type" },
        { """{"type":"t","binary_url":"ftp://e/b","binary_sha256":"SHA","priority":"foreground"}""", "binary_url" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"abc","priority":"foreground"}""", "binary_sha256" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"urgent"}""", "priority" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","arguments":[1]}""", "arguments" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","env_variables":{"A=B":"x"}}""", "env_variables" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","timeout_seconds":0}""", "timeout_seconds" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","max_attempts":21}""", "max_attempts" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","retry_on_failure":"yes"}""", "retry_on_failure" },
        { """{"type":"t","binary_url":"https://e/b","binary_sha256":"SHA","priority":"foreground","resources":{"cpu":0}}""", "resources.cpu" },
        { """{"type":"t","kind":"vm","priority":"foreground"}""", "kind" },
        { """{"type":"t","kind":"container","priority":"foreground"}""", "image" },
        { """{"type":"t","kind":"container","image":"busybox","priority":"foreground","exposed_port":70000}""", "exposed_port" },
        { """{"type":"t","kind":"pipeline","priority":"foreground","steps":[]}""", "steps" },
        { """{"type":"t","kind":"pipeline","priority":"foreground","steps":[{"kind":"container"}]}""", "steps[0].image" },
        { """{"type":"t","kind":"pipeline","priority":"foreground","steps":[{"kind":"pipeline"}]}""", "steps[0].kind" },
        { """{"type":"t","kind":"pipeline","priority":"foreground","steps":[{"kind":"data"}]}""", "steps[0].kind" },
        { """{"type":"t","kind":"data","priority":"foreground"}""", "data" },
        { """{"type":"t","kind":"data","priority":"foreground","data":null}""", "data" },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public void Should_refuse_a_bad_job_with_a_400_naming_its_field(string body, string field)
    {
        Assert.False(JobDefinitionParser.TryParse(Json(body.Replace("SHA", Sha)), out _, out var error));

        var (status, message, named) = ParsedError.Of(error);
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(field, named);
    }
}
