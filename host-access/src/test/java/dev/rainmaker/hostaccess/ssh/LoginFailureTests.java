package dev.rainmaker.hostaccess.ssh;

import java.io.EOFException;
import java.net.SocketException;

import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A login that ended because the connection broke is a host going away, to be tried again, never a refused key. */
class LoginFailureTests {

    @Test
    void aConnectionResetDuringTheLoginIsABrokenConnection() {
        assertThat(SshHostShells.brokenConnection(new SocketException("Connection reset")))
                .isTrue();
        assertThat(SshHostShells.brokenConnection(new SshException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(SshHostShells.brokenConnection(new SshException("closed", new EOFException())))
                .isTrue();
    }

    @Test
    void sshsOwnRefusalIsNotABrokenConnection() {
        assertThat(SshHostShells.brokenConnection(new SshException("No more authentication methods available")))
                .isFalse();
        assertThat(SshHostShells.brokenConnection(null)).isFalse();
    }
}
