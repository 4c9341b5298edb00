using System.Diagnostics;
using System.Text;
using Conveyor.Api.Endpoints.Nosana;
using NSec.Cryptography;
using SimpleBase;

namespace Conveyor.Api.Tests.Parsing;

/// <summary>The Nosana header check against the seed's test vector and a signature made by another implementation.</summary>
public sealed class NosanaSignatureTests
{
    static readonly byte[] Seed = [.. Enumerable.Range(1, 32).Select(b => (byte)b)];
    const string SeedAddress = "9C6hybhQ6Aycep9jaUnP6uL9ZYvDjUp1aSkFWPUFJtpj";
    const string Message = "Hello Nosana Node!";

    [Fact]
    public void Should_derive_the_test_vectors_address_from_seed_bytes_one_to_thirty_two()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Seed, KeyBlobFormat.RawPrivateKey);

        Assert.Equal(SeedAddress, Base58.Bitcoin.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
    }

    [Fact]
    public async Task Should_accept_a_signature_made_by_openssl_and_refuse_it_with_one_bit_changed()
    {
        var signature = await OpenSslSignature(Seed, Encoding.UTF8.GetBytes(Message));

        Assert.True(NosanaSignature.Verifies(SeedAddress, Convert.ToBase64String(signature), Encoding.UTF8.GetBytes(Message)));
        signature[10] ^= 1;
        Assert.False(NosanaSignature.Verifies(SeedAddress, Convert.ToBase64String(signature), Encoding.UTF8.GetBytes(Message)));
    }

    [Theory]
    [InlineData(null, 401, NosanaSignature.Missing)]
    [InlineData("", 401, NosanaSignature.Missing)]
    [InlineData("justonepart", 400, NosanaSignature.BadFormat)]
    [InlineData(":c2ln", 400, NosanaSignature.BadFormat)]
    [InlineData("a:b:c", 400, NosanaSignature.BadFormat)]
    [InlineData(SeedAddress + ":not base64!", 403, NosanaSignature.Invalid)]
    [InlineData(SeedAddress + ":c2hvcnQ=", 403, NosanaSignature.Invalid)]
    [InlineData("0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl:c2hvcnQ=", 403, NosanaSignature.Invalid)]
    [InlineData("3yZe7d:c2hvcnQ=", 403, NosanaSignature.Invalid)]
    public void Should_answer_each_bad_header_as_a_nosana_node_does(string? header, int status, string error)
    {
        Assert.Equal((status, error), NosanaSignature.Check(header, Message, out _));
    }

    [Fact]
    public void Should_refuse_a_valid_signature_over_another_message()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Seed, KeyBlobFormat.RawPrivateKey);
        var other = Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes("Goodbye")));

        Assert.Equal((403, NosanaSignature.Invalid), NosanaSignature.Check($"{SeedAddress}:{other}", Message, out _));
        Assert.Null(NosanaSignature.Check($"{SeedAddress}:{Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(Message)))}",
            Message, out var address));
        Assert.Equal(SeedAddress, address);
    }

    /// <summary>Signs with the openssl command line (libcrypto), an implementation independent of libsodium.</summary>
    static async Task<byte[]> OpenSslSignature(byte[] seed, byte[] message)
    {
        var dir = Directory.CreateTempSubdirectory("nosana-vector");
        try
        {
            // PKCS#8 for an ed25519 private key: a fixed prefix, then the 32-byte seed.
            byte[] prefix = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
            var keyPath = Path.Combine(dir.FullName, "key.der");
            var messagePath = Path.Combine(dir.FullName, "message");
            var signaturePath = Path.Combine(dir.FullName, "signature");
            await File.WriteAllBytesAsync(keyPath, [.. prefix, .. seed]);
            await File.WriteAllBytesAsync(messagePath, message);
            var start = new ProcessStartInfo("openssl") { RedirectStandardError = true };
            foreach (var argument in new[] { "pkeyutl", "-sign", "-inkey", keyPath, "-keyform", "DER", "-rawin", "-in", messagePath, "-out", signaturePath })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            return await File.ReadAllBytesAsync(signaturePath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
