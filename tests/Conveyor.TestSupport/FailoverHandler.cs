namespace Conveyor.TestSupport;

/// <summary>
/// Sends each request to the first of several equivalent servers that answers (a cluster's management APIs): a node
/// killed by the test must not take the test's own view of the broker with it.
/// </summary>
internal sealed class FailoverHandler(IReadOnlyList<string> baseUrls) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        for (var i = 0; ; i++)
        {
            request.RequestUri = new Uri(new Uri(baseUrls[i]), pathAndQuery);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (i + 1 < baseUrls.Count)
            {
                // The next node answers for the same cluster.
            }
        }
    }
}
