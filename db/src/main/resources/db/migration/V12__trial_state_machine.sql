-- The trial lifecycle of TrialState, enforced where states change: whatever statement updates
-- trial.state (the queue's claims and completions, the reaper, cancels, ask/tell), a move the
-- table does not allow fails instead of corrupting the study. Updates that keep the state
-- (heartbeats, deadline renewals) pass.
create function trial_state_transition() returns trigger
language plpgsql as $$
begin
    if new.state is distinct from old.state and not (
           (old.state = 'QUEUED' and new.state in ('RUNNING', 'CANCELLED'))
        or (old.state = 'RUNNING' and new.state in ('QUEUED', 'COMPLETED', 'FAILED', 'PRUNED', 'CANCELLED'))) then
        raise exception 'trial % cannot go from % to %', old.id, old.state, new.state
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger trial_state_transition
    before update of state on trial
    for each row execute function trial_state_transition();
