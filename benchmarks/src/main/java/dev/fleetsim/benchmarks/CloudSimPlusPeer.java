package dev.fleetsim.benchmarks;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBroker;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.listeners.EventListener;
import org.cloudsimplus.listeners.VmDatacenterEventInfo;
import org.cloudsimplus.listeners.VmHostEventInfo;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerSpaceShared;
import org.cloudsimplus.schedulers.vm.VmSchedulerSpaceShared;
import org.cloudsimplus.util.Log;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;

/**
 * The peer workload ({@link PeerWorkload}) in CloudSim Plus 8.5: one datacenter of identical hosts, one single-PE VM
 * per job submitted with the job's arrival as its submission delay, one cloudlet per VM that runs for exactly the
 * job's duration, {@link VmAllocationPolicyFirstFit}, and each VM destroyed once its cloudlet has finished. The
 * simulation ends when no event is left, i.e. when every cloudlet has finished.
 *
 * <p>Model choices, each needed for the run to mean what the workload says:
 * <ul>
 *   <li>A PE has 10^6 MIPS, so a cloudlet of L million instructions runs L microseconds on one PE: its length is the
 *       job's duration in microseconds. CloudSim Plus truncates the instructions done in each processing update to
 *       whole MI; at 1,000 MIPS (1 MI = 1 ms) the long jobs of a 1,000-job run ended up to 1.75 s late, at 10^6
 *       MIPS the loss is below a microsecond per update. {@link VmSchedulerSpaceShared} gives each VM a whole PE,
 *       and the VM runs its one cloudlet at full speed ({@link UtilizationModelFull} for CPU, RAM and bandwidth).
 *   <li>A VM reserves {@link PeerWorkload#JOB_MEMORY_MIB} of its host's {@link PeerWorkload#HOST_MEMORY_MIB};
 *       bandwidth and storage are sized never to bind. With 16 PEs and 64 GiB, CPU binds first.
 *   <li>Idle VMs are destroyed {@value #VM_DESTRUCTION_DELAY_S} s after their cloudlet finishes: CloudSim Plus refuses
 *       a destruction delay that is not above its minimum time between events (0.1 s).
 *   <li>A VM that finds no host is retried, not failed: the broker retries every {@value #RETRY_DELAY_S} s (CloudSim
 *       Plus's default delay) with no retry limit. CloudSim Plus re-sends a retried VM with its submission delay, so
 *       a VM that arrived at hour 20 would be retried 20 h after the retry; a creation-failure listener sets the
 *       delay to the minimum time between events so that a retry happens now. (Zero is not an option: while a VM
 *       with no delay waits, the broker creates no cloudlet.)
 *   <li>{@link CloudletSubmission} says when the broker gets each cloudlet. With {@code UPFRONT}, each event that
 *       creates cloudlets walks every waiting cloudlet and, for each whose VM does not exist yet, formats a
 *       "postponing" log message even when logging is off: quadratic in the number of jobs.
 * </ul>
 *
 * <p>Timing: the broker hears that a VM was created 0.1 s (the minimum time between events) after the request and
 * then sends its cloudlet, so a cloudlet starts up to 0.1 s after its arrival, and a finished cloudlet is seen at
 * the next processing update, 0.11 s later.
 *
 * <p>Behaviour when jobs do not fit (observed in 8.5.7): the broker retries failed VMs only once it has had an
 * answer for every VM it asked for, i.e. after the last arrival. Until then a job that found no room waits, even
 * while hosts free up and later arrivals take them; afterwards every waiting VM is re-sent in each retry round, and
 * each answer scans the waiting list. Note also that {@link VmAllocationPolicyFirstFit} starts its search at the
 * host it last chose (next fit, in textbook terms).
 */
public final class CloudSimPlusPeer {

    /** One million instructions per microsecond: see the class comment. */
    static final double PE_MIPS = 1_000_000;
    private static final long MI_PER_MS = 1_000;
    static final double VM_DESTRUCTION_DELAY_S = 0.2;
    static final double RETRY_DELAY_S = 5;
    /** Host bandwidth (Mbps) and storage (MB), and the VM's share of each: large enough never to bind. */
    private static final long HOST_BW = 1_000_000;
    private static final long HOST_STORAGE = 1_000_000_000;
    private static final long VM_BW = 10;
    private static final long VM_STORAGE = 1_000;

    private CloudSimPlusPeer() {
    }

    /** What a run did, per job in workload order (seconds of simulated time; NaN for a job that never ran). */
    public record Outcome(int jobs, int finished, int failedVms, double endSeconds, double[] startSeconds,
            double[] finishSeconds) {
    }

    /** When the broker is given each job's cloudlet. */
    public enum CloudletSubmission {
        /** With the VMs, before the simulation starts: CloudSim Plus's documented way to model arrivals. */
        UPFRONT,
        /** When the job's VM has been placed on a host (a host-allocation listener submits it). */
        ON_VM_PLACEMENT
    }

    /** Runs the workload on {@code hosts} hosts of {@code pesPerHost} PEs and {@code PeerWorkload.HOST_MEMORY_MIB}. */
    public static Outcome run(PeerWorkload workload, int hosts, int pesPerHost, CloudletSubmission submission) {
        // CloudSim Plus logs several lines per event at INFO; left on, formatting them would be the benchmark.
        Log.setLevel(Level.OFF);
        CloudSimPlus simulation = new CloudSimPlus();
        new DatacenterSimple(simulation, hosts(hosts, pesPerHost), new VmAllocationPolicyFirstFit());

        DatacenterBroker broker = new DatacenterBrokerSimple(simulation);
        broker.setVmDestructionDelay(VM_DESTRUCTION_DELAY_S);
        broker.getVmCreation().setRetryDelay(RETRY_DELAY_S).setMaxRetries(Integer.MAX_VALUE);
        double retryNow = simulation.getMinTimeBetweenEvents();
        EventListener<VmDatacenterEventInfo> retryNowNotLater = info -> info.getVm().setSubmissionDelay(retryNow);

        int n = workload.count();
        List<Vm> vms = new ArrayList<>(n);
        List<Cloudlet> cloudlets = new ArrayList<>(n);
        UtilizationModelFull full = new UtilizationModelFull();
        EventListener<VmHostEventInfo> submitCloudlet =
                info -> broker.submitCloudlet(cloudlets.get((int) info.getVm().getId()));
        for (int job = 0; job < n; job++) {
            Vm vm = new VmSimple(PE_MIPS, 1, new CloudletSchedulerSpaceShared());
            vm.setId(job);
            vm.setRam(PeerWorkload.JOB_MEMORY_MIB).setBw(VM_BW).setSize(VM_STORAGE);
            vm.setSubmissionDelay(workload.arrivalMs(job) / 1_000.0);
            vm.addOnCreationFailureListener(retryNowNotLater);
            if (submission == CloudletSubmission.ON_VM_PLACEMENT) {
                vm.addOnHostAllocationListener(submitCloudlet);
            }
            vms.add(vm);

            Cloudlet cloudlet = new CloudletSimple(workload.durationMs(job) * MI_PER_MS, 1);
            cloudlet.setId(job);
            cloudlet.setUtilizationModel(full);
            cloudlet.setVm(vm);
            cloudlets.add(cloudlet);
        }
        broker.submitVmList(vms);
        if (submission == CloudletSubmission.UPFRONT) {
            broker.submitCloudletList(cloudlets);
        }
        double end = simulation.start();

        double[] start = new double[n];
        double[] finish = new double[n];
        Arrays.fill(start, Double.NaN);
        Arrays.fill(finish, Double.NaN);
        List<Cloudlet> done = broker.getCloudletFinishedList();
        for (Cloudlet cloudlet : done) {
            int job = (int) cloudlet.getId();
            start[job] = cloudlet.getStartTime();
            finish[job] = cloudlet.getFinishTime();
        }
        return new Outcome(n, done.size(), broker.getVmFailedList().size(), end, start, finish);
    }

    private static List<Host> hosts(int count, int pesPerHost) {
        List<Host> hosts = new ArrayList<>(count);
        for (int h = 0; h < count; h++) {
            List<Pe> pes = new ArrayList<>(pesPerHost);
            for (int p = 0; p < pesPerHost; p++) {
                pes.add(new PeSimple(PE_MIPS));
            }
            Host host = new HostSimple(PeerWorkload.HOST_MEMORY_MIB, HOST_BW, HOST_STORAGE, pes);
            host.setVmScheduler(new VmSchedulerSpaceShared());
            hosts.add(host);
        }
        return hosts;
    }
}
