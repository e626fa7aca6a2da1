package dev.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.host.OperatingSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ContainerHostsTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    @Test
    void eksNode_m5large_allocatableFollowsEksAmi_aws_rules_item6() {
        ContainerHosts nodes = ContainerHosts.eks();
        int h = nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-1");
        // m5.large: 2 vCPU = 2000m, 8 GiB = 8192 MiB, 29 max pods (E14).
        assertThat(nodes.cpuCapacity(h)).isEqualTo(2000);
        assertThat(nodes.cpuAllocatable(h)).isEqualTo(2000 - 70);
        assertThat(nodes.memoryCapacityMiB(h)).isEqualTo(8192);
        // 8192 - (11 x 29 + 255) - 100 = 7518 MiB.
        assertThat(nodes.memoryAllocatableMiB(h)).isEqualTo(7518);
        assertThat(nodes.podCapacity(h)).isEqualTo(29);
    }

    @Test
    void ecsInstance_defaultReservesNothing_cpuUnits1024PerVcpu() {
        ContainerHosts hosts = ContainerHosts.ecs();
        int h = hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "us-east-1a"), "i-1");
        assertThat(hosts.cpuAllocatable(h)).isEqualTo(4 * 1024);
        assertThat(hosts.memoryAllocatableMiB(h)).isEqualTo(16384);
        assertThat(hosts.podCapacity(h)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void ecsInstance_reservedMemory_isHeldBack() {
        ContainerHosts hosts = ContainerHosts.ecs(new EcsReservation(0, 256));
        int h = hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "us-east-1a"), "i-1");
        assertThat(hosts.memoryAllocatableMiB(h)).isEqualTo(16384 - 256);
    }

    @Test
    void allocateAndRelease_trackFreeAndRunningCount() {
        ContainerHosts hosts = ContainerHosts.ecs();
        int h = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-1");
        hosts.allocateTask(h, 512, 1024);
        hosts.allocateTask(h, 512, 1024);
        assertThat(hosts.cpuFree(h)).isEqualTo(2048 - 1024);
        assertThat(hosts.memoryFreeMiB(h)).isEqualTo(8192 - 2048);
        assertThat(hosts.runningCount(h)).isEqualTo(2);
        hosts.releaseTask(h, 512, 1024);
        assertThat(hosts.cpuFree(h)).isEqualTo(1536);
        assertThat(hosts.runningCount(h)).isEqualTo(1);
    }

    @Test
    void allocate_beyondCapacity_throws() {
        ContainerHosts hosts = ContainerHosts.ecs();
        int h = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-1");
        assertThatThrownBy(() -> hosts.allocateTask(h, 4096, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot fit");
    }

    @Test
    void removeHost_withTasks_refuses_andIndexIsReusedAfterRemoval() {
        ContainerHosts hosts = ContainerHosts.ecs();
        HostSpec spec = HostSpec.of(CATALOG.require("m5.large"), "us-east-1a");
        int a = hosts.addHost(spec, "i-a");
        int b = hosts.addHost(spec, "i-b");
        hosts.allocateTask(a, 1, 1);
        assertThatThrownBy(() -> hosts.removeHost(a)).isInstanceOf(IllegalStateException.class);
        hosts.releaseTask(a, 1, 1);
        hosts.removeHost(a);
        assertThat(hosts.isActive(a)).isFalse();
        assertThat(hosts.activeHostCount()).isEqualTo(1);
        int c = hosts.addHost(spec, "i-c");
        assertThat(c).isEqualTo(a);
        assertThat(hosts.hostId(c)).isEqualTo("i-c");
        assertThat(b).isEqualTo(1);
    }

    @Test
    void attributes_builtInPerKind_andCustom() {
        ContainerHosts ecs = ContainerHosts.ecs();
        int h = ecs.addHost(new HostSpec(CATALOG.require("m7g.large"), "us-east-1b", OperatingSystem.LINUX,
                Map.of("team", "blue"), List.of()), "i-1");
        assertThat(ecs.attribute(h, HostAttributes.ECS_AVAILABILITY_ZONE)).isEqualTo("us-east-1b");
        assertThat(ecs.attribute(h, HostAttributes.ECS_INSTANCE_TYPE)).isEqualTo("m7g.large");
        assertThat(ecs.attribute(h, HostAttributes.ECS_CPU_ARCHITECTURE)).isEqualTo("arm64");
        assertThat(ecs.attribute(h, HostAttributes.ECS_OS_TYPE)).isEqualTo("linux");
        assertThat(ecs.attribute(h, "team")).isEqualTo("blue");
        assertThat(ecs.attribute(h, "missing")).isNull();

        ContainerHosts eks = ContainerHosts.eks();
        int n = eks.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "ip-10-0-0-1");
        assertThat(eks.attribute(n, HostAttributes.K8S_ARCH)).isEqualTo("amd64");
        assertThat(eks.attribute(n, HostAttributes.K8S_HOSTNAME)).isEqualTo("ip-10-0-0-1");
        assertThat(eks.attribute(n, HostAttributes.K8S_ZONE)).isEqualTo("us-east-1a");
    }

    @Test
    void hostClasses_equalSpecsShareAClass() {
        ContainerHosts hosts = ContainerHosts.ecs();
        HostSpec a = HostSpec.of(CATALOG.require("m5.large"), "us-east-1a");
        HostSpec b = HostSpec.of(CATALOG.require("m5.large"), "us-east-1b");
        int h0 = hosts.addHost(a, "0");
        int h1 = hosts.addHost(b, "1");
        int h2 = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "2");
        assertThat(hosts.hostClass(h0)).isEqualTo(hosts.hostClass(h2)).isNotEqualTo(hosts.hostClass(h1));
        assertThat(hosts.classCount()).isEqualTo(2);
        assertThat(hosts.classSize(hosts.hostClass(h0))).isEqualTo(2);
    }

    @Test
    void hostSpec_builtInAttributeName_rejected() {
        assertThatThrownBy(() -> new HostSpec(CATALOG.require("m5.large"), "us-east-1a", OperatingSystem.LINUX,
                Map.of(HostAttributes.ECS_INSTANCE_TYPE, "x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
    }

    @Test
    void listeners_hearAddsChangesAndRemovals() {
        ContainerHosts hosts = ContainerHosts.ecs();
        List<String> heard = new ArrayList<>();
        hosts.addListener(new HostListener() {
            @Override
            public void hostAdded(int host) {
                heard.add("add " + host);
            }

            @Override
            public void hostRemoving(int host) {
                heard.add("remove " + host);
            }

            @Override
            public void capacityChanged(int host) {
                heard.add("change " + host);
            }
        });
        int h = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-1");
        hosts.allocateTask(h, 1, 1);
        hosts.releaseTask(h, 1, 1);
        hosts.removeHost(h);
        assertThat(heard).containsExactly("add 0", "change 0", "change 0", "remove 0");
    }

    @Test
    void cordon_leavesTheClassMembers_keepsTheHostActive_andRemovesCleanly() {
        ContainerHosts hosts = ContainerHosts.ecs();
        HostSpec a = HostSpec.of(CATALOG.require("m5.large"), "us-east-1a");
        int h0 = hosts.addHost(a, "0");
        int h1 = hosts.addHost(a, "1");
        hosts.allocateTask(h0, 1024, 1024);
        List<String> heard = new ArrayList<>();
        hosts.addListener(new HostListener() {
            @Override
            public void hostCordoned(int host) {
                heard.add("cordon " + host);
            }
        });
        hosts.cordon(h0);
        hosts.cordon(h0); // idempotent: heard once
        int c = hosts.hostClass(h0);
        assertThat(heard).containsExactly("cordon 0");
        assertThat(hosts.isCordoned(h0)).isTrue();
        assertThat(hosts.isActive(h0)).isTrue();
        assertThat(hosts.classSize(c)).isEqualTo(1);
        assertThat(hosts.classMember(c, 0)).isEqualTo(h1);
        assertThat(hosts.activeHostCount()).isEqualTo(2);
        assertThat(hosts.schedulableHostCount()).isEqualTo(1);
        // Its task may still finish; then it leaves, and its index is reused by an uncordoned host.
        hosts.releaseTask(h0, 1024, 1024);
        hosts.removeHost(h0);
        assertThat(hosts.schedulableHostCount()).isEqualTo(1);
        int h2 = hosts.addHost(a, "2");
        assertThat(h2).isEqualTo(h0);
        assertThat(hosts.isCordoned(h2)).isFalse();
        assertThat(hosts.classSize(c)).isEqualTo(2);
        assertThat(hosts.schedulableHostCount()).isEqualTo(2);
    }
}
