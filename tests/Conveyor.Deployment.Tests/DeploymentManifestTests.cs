using System.Text.RegularExpressions;
using Conveyor.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Conveyor.Deployment.Tests;

/// <summary>
/// The Kubernetes manifests cannot be applied here, so what can be checked is: every file parses and is listed by the
/// kustomization, every workload's selector matches its pods, every Service selects a workload and targets a named port
/// it has, and each of the four services runs the same image, listens on the same port and is probed on the same health
/// endpoints as in docker-compose.yml, the file CI really runs.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    static readonly string[] ConveyorServices = ["api", "scheduler", "executor", "notifications"];
    static readonly string Kubernetes = Path.Combine(TestInfrastructure.RepositoryRoot, "deploy", "kubernetes");

    static readonly IReadOnlyList<YamlMappingNode> Manifests = Directory.GetFiles(Kubernetes, "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml").SelectMany(YamlDocuments.Load).ToList();

    static readonly YamlMappingNode Compose = YamlDocuments.Load(Path.Combine(TestInfrastructure.RepositoryRoot, "docker-compose.yml")).Single();

    [Fact]
    public void Should_list_every_manifest_in_the_kustomization()
    {
        var kustomization = YamlDocuments.Load(Path.Combine(Kubernetes, "kustomization.yaml")).Single();
        var listed = kustomization.Items("resources").Select(r => ((YamlScalarNode)r).Value).Order();
        var present = Directory.GetFiles(Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(present, listed);
    }

    [Fact]
    public void Should_give_every_workload_a_selector_that_matches_its_pods()
    {
        foreach (var workload in Workloads())
        {
            var selector = workload.Entries("spec", "selector", "matchLabels").ToDictionary(e => e.Key, e => e.Value.ToString());
            var labels = workload.Entries("spec", "template", "metadata", "labels").ToDictionary(e => e.Key, e => e.Value.ToString());
            Assert.NotEmpty(selector);
            Assert.All(selector, pair => Assert.Equal(pair.Value, labels.GetValueOrDefault(pair.Key)));
        }
    }

    [Fact]
    public void Should_have_every_service_select_a_workload_and_target_a_port_it_names()
    {
        foreach (var service in Manifests.Where(m => m.Text("kind") == "Service"))
        {
            var selector = service.Entries("spec", "selector").ToDictionary(e => e.Key, e => e.Value.ToString());
            var workload = Workloads().SingleOrDefault(w =>
                selector.All(pair => w.Text("spec", "template", "metadata", "labels", pair.Key) == pair.Value));
            Assert.True(workload is not null, $"Service {service.Text("metadata", "name")} selects no workload");
            var named = Containers(workload).SelectMany(c => c.Items("ports")).Select(p => p.Text("name")).ToHashSet();
            foreach (var port in service.Items("spec", "ports"))
            {
                var target = port.Text("targetPort") ?? port.Text("name");
                Assert.True(named.Contains(target) || int.TryParse(target, out _), $"Service {service.Text("metadata", "name")} targets {target}, which its pods do not name");
            }
        }
    }

    [Fact]
    public void Should_run_each_service_with_the_image_port_and_probes_of_the_compose_file()
    {
        foreach (var name in ConveyorServices)
        {
            var composed = Compose.At("services", name) ?? throw new InvalidOperationException($"{name} is not in docker-compose.yml");
            var composePort = UrlPort(composed.Text("environment", "Urls"));
            var workload = Workloads().Single(w => w.Text("metadata", "name") == name);
            var container = Containers(workload).Single();

            Assert.Equal(Repository(composed.Text("image")), Repository(container.Text("image")));
            var env = container.Items("env").ToDictionary(e => e.Text("name")!, e => e.Text("value"));
            Assert.Equal(composePort, UrlPort(env["Urls"]));
            var http = container.Items("ports").Single(p => p.Text("name") == "http");
            Assert.Equal(composePort, int.Parse(http.Text("containerPort")!));
            Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));
            Assert.Equal("/health/live", container.Text("livenessProbe", "httpGet", "path"));
            Assert.Contains($"http://127.0.0.1:{composePort}/health/ready", composed.Items("healthcheck", "test").Select(t => t.ToString()));
        }
    }

    [Fact]
    public void Should_keep_state_in_stateful_sets_and_let_executors_scale()
    {
        foreach (var name in new[] { "rabbitmq", "postgres" })
        {
            var store = Workloads().Single(w => w.Text("metadata", "name") == name);
            Assert.Equal("StatefulSet", store.Text("kind"));
            Assert.NotEmpty(store.Items("spec", "volumeClaimTemplates"));
            Assert.Equal(Repository(Compose.Text("services", name, "image")), Repository(Containers(store).Single().Text("image")));
        }
        var executor = Workloads().Single(w => w.Text("metadata", "name") == "executor");
        Assert.Equal("Deployment", executor.Text("kind"));
        // --scale needs executors without a fixed name or a published port, and each executor must be named by its pod.
        Assert.Null(Compose.At("services", "executor", "container_name"));
        Assert.Null(Compose.At("services", "executor", "ports"));
        Assert.Contains(Containers(executor).Single().Items("env"), e => e.Text("name") == "Executor__ExecutorId" && e.At("valueFrom", "fieldRef") is not null);
    }

    [Fact]
    public void Should_bring_the_schema_up_to_date_before_the_scheduler_starts()
    {
        // compose: a one-shot `migrate` service of the scheduler's image, which the scheduler waits to see succeed.
        Assert.Equal(Repository(Compose.Text("services", "scheduler", "image")), Repository(Compose.Text("services", "migrate", "image")));
        Assert.Equal(["migrate"], Compose.Items("services", "migrate", "command").Select(c => c.ToString()));
        Assert.Equal("service_completed_successfully", Compose.Text("services", "scheduler", "depends_on", "migrate", "condition"));
        // Kubernetes: the same command as the scheduler pod's init container.
        var scheduler = Workloads().Single(w => w.Text("metadata", "name") == "scheduler");
        var migrate = scheduler.Items("spec", "template", "spec", "initContainers").Cast<YamlMappingNode>().Single();
        Assert.Equal(Repository(Containers(scheduler).Single().Text("image")), Repository(migrate.Text("image")));
        Assert.Equal(["migrate"], migrate.Items("args").Select(a => a.ToString()));
    }

    static IEnumerable<YamlMappingNode> Workloads() => Manifests.Where(m => m.Text("kind") is "Deployment" or "StatefulSet");

    static IEnumerable<YamlNode> Containers(YamlNode workload) => workload.Items("spec", "template", "spec", "containers");

    /// <summary>The image without registry variable or tag: <c>${CONVEYOR_REGISTRY:-}conveyor/api:${CONVEYOR_TAG:-local}</c> is <c>conveyor/api</c>.</summary>
    static string Repository(string? image) => ImageRepository().Match(image ?? "").Groups["repository"].Value;

    static int UrlPort(string? url) => new Uri(url ?? throw new InvalidOperationException("no Urls")).Port;

    [GeneratedRegex(@"^(\$\{[^}]*\})?(?<repository>[a-z0-9./-]+)")]
    private static partial Regex ImageRepository();
}
