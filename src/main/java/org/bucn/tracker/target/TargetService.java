package org.bucn.tracker.target;

import java.util.Collection;
import java.util.List;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and edits the target directory. */
@Service
public class TargetService {

  private final TargetRepository targets;

  TargetService(TargetRepository targets) {
    this.targets = targets;
  }

  @Transactional(readOnly = true)
  public List<Target> findAll() {
    return targets.findAll();
  }

  @Transactional(readOnly = true)
  public List<Target> findAll(Collection<Long> ids) {
    return targets.findAll(ids);
  }

  @Transactional(readOnly = true)
  public Target get(long id) {
    return targets.find(id).orElseThrow(() -> new NotFoundException("target", id));
  }

  @Transactional
  public Target create(TargetRequest request) {
    try {
      return get(targets.insert(request));
    } catch (DuplicateKeyException e) {
      throw duplicate(request);
    }
  }

  /** Adds the target unless its office in that country is listed already; true when added. */
  @Transactional
  public boolean createIfAbsent(TargetRequest request) {
    return targets.insertIfAbsent(request);
  }

  @Transactional
  public Target update(long id, TargetRequest request) {
    try {
      if (targets.update(id, request) == 0) {
        throw new NotFoundException("target", id);
      }
    } catch (DuplicateKeyException e) {
      throw duplicate(request);
    }
    return get(id);
  }

  private static ConflictException duplicate(TargetRequest request) {
    return new ConflictException(
        "office", "The office '" + request.office() + "' in " + request.countryCode() + " is in the directory already");
  }
}
