import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens N idle TCP connections to a port and holds them for S seconds, as a crowd of clients that connect and send
 * nothing would (bench/faults.sh, idle-connections). Run with {@code java IdleConnections.java N PORT S}.
 */
public class IdleConnections {

	public static void main(String[] args) throws Exception {
		int count = Integer.parseInt(args[0]);
		int port = Integer.parseInt(args[1]);
		long holdMillis = Long.parseLong(args[2]) * 1000;
		List<SocketChannel> open = new ArrayList<>(count);
		int failed = 0;
		for (int i = 0; i < count; i++) {
			try {
				open.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
			}
			catch (Exception ex) {
				failed++;
			}
		}
		System.out.println("OPEN " + open.size() + " FAILED " + failed);
		System.out.flush();
		Thread.sleep(holdMillis);
		for (SocketChannel channel : open) {
			channel.close();
		}
	}

}
